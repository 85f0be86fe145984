package dev.spark.curation.internal;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites agent and fix lessons as general advice when a chat model is configured; otherwise keeps them as they
 * are. Worked examples stay verbatim (their code is the point). The original text is screened as well as the
 * rewrite, and a failing or empty answer keeps the original: the loop never depends on the model.
 */
public final class Generalisation {

    private static final Logger log = LoggerFactory.getLogger(Generalisation.class);
    private static final int MAX_TEXT = 2_000;

    public static final Generalisation NONE = new Generalisation(null);

    private final LessonGeneraliser generaliser;

    public Generalisation(LessonGeneraliser generaliser) {
        this.generaliser = generaliser;
    }

    /** Whether this candidate's text may change here (so that an embedding of the text as written would be wasted). */
    public boolean rewrites(LessonCandidate c) {
        return generaliser != null && !LessonCandidate.EXAMPLE.equals(c.kind());
    }

    public LessonCandidate apply(LessonCandidate c) {
        if (generaliser == null || LessonCandidate.EXAMPLE.equals(c.kind())) {
            return c;
        }
        try {
            LessonDraft draft = generaliser.generalise(c.kind(), String.join(", ", c.apis()), c.text());
            if (draft == null || draft.text() == null || draft.text().isBlank()) {
                return c;
            }
            String text = draft.text().strip();
            text = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
            List<String> screened = new ArrayList<>(c.screened());
            screened.add(text);
            return new LessonCandidate(c.kind(), text, c.apis(), c.dropped(), c.added(), c.avoids(), c.sources(), c.taskText(),
                    c.code(), screened, c.text());
        } catch (RuntimeException e) {
            log.warn("Lesson generalisation failed ({}); keeping the lesson as written", e.getMessage());
            return c;
        }
    }
}
