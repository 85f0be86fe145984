package dev.spark.curation.internal;

import dev.spark.curation.CurationAlreadyRunningException;
import dev.spark.curation.CurationProperties;
import dev.spark.curation.CurationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Scheduled curation runs in the service ({@code spark.curation.schedule}, a cron expression; {@code -} turns it
 * off). Commands of the command line never schedule runs: they are not web applications. With several instances
 * each schedules runs; the lease lets one of them proceed and the others skip.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableScheduling
class CurationSchedule implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(CurationSchedule.class);

    private final CurationService curation;
    private final CurationProperties props;

    CurationSchedule(CurationService curation, CurationProperties props) {
        this.curation = curation;
        this.props = props;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (!props.scheduled()) {
            return;
        }
        registrar.addTriggerTask(this::runOnce, new CronTrigger(props.schedule()));
        log.info("Curation runs on the schedule '{}'", props.schedule());
    }

    private void runOnce() {
        try {
            curation.curate("schedule");
        } catch (CurationAlreadyRunningException e) {
            log.debug("Scheduled curation skipped: {}", e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Scheduled curation failed; the next run retries the remaining traces: {}", e.getMessage());
        }
    }
}
