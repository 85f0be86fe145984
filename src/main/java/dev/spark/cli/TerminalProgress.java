package dev.spark.cli;

import dev.spark.knowledge.IngestProgress;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar with rate and ETA on standard error. */
final class TerminalProgress implements IngestProgress {

    private final String task;
    private ProgressBar bar;

    TerminalProgress(String task) {
        this.task = task;
    }

    @Override
    public void start(long expectedRecords) {
        bar = bar(task, expectedRecords, " docs");
    }

    /** The terminal progress bar of every command: rate and ETA, on standard error. */
    static ProgressBar bar(String task, long max, String unit) {
        return new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(max)
                .setUnit(unit, 1)
                .showSpeed()
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .build();
    }

    @Override
    public void advance(long records) {
        bar.stepBy(records);
    }

    @Override
    public void finish() {
        bar.stepTo(bar.getCurrent());
        bar.close();
    }
}
