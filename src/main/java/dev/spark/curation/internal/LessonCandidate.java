package dev.spark.curation.internal;

import java.util.List;

/**
 * A lesson extracted from a trace, before it is screened, merged or stored.
 *
 * @param kind      {@code agent}, {@code fix} or {@code example}
 * @param apis      its API scope (qualified names)
 * @param dropped   for fixes: APIs the failing attempt used and the working one did not
 * @param added     for fixes: APIs the working attempt used and the failing one did not
 * @param avoids    failure signatures it helps avoid
 * @param sources   traces it was learned from, with their role ({@code source} or {@code failure})
 * @param taskText  for worked examples: the task
 * @param code      for worked examples: the code that worked
 * @param screened  every text that must pass the screen (lesson text, example code, the original of a rewrite)
 * @param original  the text as the agent wrote it, when a language model rewrote it; null otherwise
 */
public record LessonCandidate(String kind, String text, List<String> apis, List<String> dropped, List<String> added,
                              List<String> avoids, List<Source> sources, String taskText, String code, List<String> screened,
                              String original) {

    public static final String AGENT = "agent";
    public static final String FIX = "fix";
    public static final String EXAMPLE = "example";

    public record Source(String traceId, String role) {
    }

    public LessonCandidate(String kind, String text, List<String> apis, List<String> dropped, List<String> added,
                           List<String> avoids, List<Source> sources, String taskText, String code, List<String> screened) {
        this(kind, text, apis, dropped, added, avoids, sources, taskText, code, screened, null);
    }

    public LessonCandidate {
        apis = List.copyOf(apis);
        dropped = List.copyOf(dropped);
        added = List.copyOf(added);
        avoids = List.copyOf(avoids);
        sources = List.copyOf(sources);
        screened = List.copyOf(screened);
    }

    /** Lessons merge only within a family: advice (the agent's own and fixes) or worked examples. */
    public static List<String> family(String kind) {
        return EXAMPLE.equals(kind) ? List.of(EXAMPLE) : List.of(AGENT, FIX);
    }
}
