package dev.spark.experience;

import java.util.List;

/**
 * The texts that curation will embed when it curates a pending trace, as far as they are known once the trace is
 * recorded (the lessons the agent wrote, its worked example). {@link EmbeddingBackfill} embeds them after the trace
 * commits, off the write path and ahead of the curation run, and curation uses those vectors for candidates whose
 * text is unchanged. Curation provides the implementation: what becomes a candidate is its business.
 */
public interface CandidateTexts {

    /** Passages curation will embed for this trace; texts it would not embed may be left out. */
    List<String> of(PendingTrace trace);
}
