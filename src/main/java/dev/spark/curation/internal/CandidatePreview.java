package dev.spark.curation.internal;

import dev.spark.curation.CurationProperties;
import dev.spark.experience.CandidateTexts;
import dev.spark.experience.PendingTrace;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The candidate texts of a trace that are known when it is recorded: the agent's lessons and the worked example,
 * extracted exactly as a run extracts them, without the fix (it depends on other traces) and without the texts a
 * chat model will rewrite or the screen will quarantine (the run does not embed those).
 */
@Component
class CandidatePreview implements CandidateTexts {

    private final CandidateExtractor extractor;
    private final Generalisation generalisation;

    CandidatePreview(CurationProperties props, Generalisation generalisation) {
        this.extractor = new CandidateExtractor(props.examples());
        this.generalisation = generalisation;
    }

    @Override
    public List<String> of(PendingTrace trace) {
        return extractor.extract(trace, t -> List.of()).stream()
                .filter(c -> !generalisation.rewrites(c))
                .filter(c -> LessonScreen.quarantineReason(c.screened()).isEmpty())
                .map(LessonCandidate::text)
                .toList();
    }
}
