package dev.spark.curation.internal;

import dev.spark.experience.Outcome;
import dev.spark.experience.PendingTrace;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Lesson candidates of one trace: each lesson the agent wrote; a fix when a success follows a failure on the
 * same or a similar task (what changed between the two attempts, and the error it avoids); and, for a success,
 * a worked example (the task and the code that solved it, as in Memory Sharing's prompt-answer pool).
 */
public final class CandidateExtractor {

    /** Longest error line quoted in a fix lesson. */
    private static final int MAX_ERROR = 200;
    /** Longest task text quoted in a worked example's lesson text. */
    private static final int MAX_TASK = 500;

    private final boolean examples;

    public CandidateExtractor(boolean examples) {
        this.examples = examples;
    }

    /**
     * @param failures earlier failures the trace may fix, best first (only read for successes)
     */
    public List<LessonCandidate> extract(PendingTrace trace, Function<PendingTrace, List<CurationRepository.EarlierFailure>> failures) {
        List<LessonCandidate> out = new ArrayList<>();
        LessonCandidate.Source source = new LessonCandidate.Source(trace.traceId(), "source");
        List<String> avoids = trace.outcome() == Outcome.FAILURE && trace.failureSignature() != null
                ? List.of(trace.failureSignature()) : List.of();
        for (String text : trace.lessons()) {
            if (text != null && !text.isBlank()) {
                out.add(new LessonCandidate(LessonCandidate.AGENT, text.strip(), trace.apis(), List.of(), List.of(), avoids,
                        List.of(source), null, null, List.of(text)));
            }
        }
        if (trace.outcome() == Outcome.SUCCESS) {
            fix(trace, failures.apply(trace)).ifPresent(out::add);
            if (examples && trace.attempt() != null && !trace.attempt().isBlank()) {
                String task = cut(trace.taskText(), MAX_TASK);
                String text = "Worked example: " + task + "\n```python\n" + trace.attempt().strip() + "\n```";
                out.add(new LessonCandidate(LessonCandidate.EXAMPLE, text, trace.apis(), List.of(), List.of(), List.of(),
                        List.of(source), trace.taskText(), trace.attempt(), List.of(trace.taskText(), trace.attempt())));
            }
        }
        return out;
    }

    /** The first earlier failure whose APIs differ from the success's: what changed is the lesson. */
    static Optional<LessonCandidate> fix(PendingTrace success, List<CurationRepository.EarlierFailure> failures) {
        Set<String> worked = new LinkedHashSet<>(success.apis());
        for (CurationRepository.EarlierFailure f : failures) {
            List<String> dropped = f.apis().stream().filter(a -> !worked.contains(a)).sorted().toList();
            List<String> added = worked.stream().filter(a -> !f.apis().contains(a)).sorted().toList();
            if (dropped.isEmpty() && added.isEmpty()) {
                continue;
            }
            String error = errorLine(f.error(), f.failureSignature());
            String text = fixText(dropped, added, error);
            Set<String> scope = new LinkedHashSet<>(dropped);
            scope.addAll(added);
            List<String> avoids = f.failureSignature() == null ? List.of() : List.of(f.failureSignature());
            return Optional.of(new LessonCandidate(LessonCandidate.FIX, text, List.copyOf(scope), dropped, added, avoids,
                    List.of(new LessonCandidate.Source(success.traceId(), "source"), new LessonCandidate.Source(f.traceId(), "failure")),
                    null, null, List.of(text)));
        }
        return Optional.empty();
    }

    static String fixText(List<String> dropped, List<String> added, String error) {
        String failed = quoted(dropped);
        String worked = quoted(added);
        String raised = error == null ? "failed" : "raised " + error;
        if (dropped.isEmpty()) {
            return "Without " + worked + " the code " + raised + "; adding " + worked + " worked.";
        }
        if (added.isEmpty()) {
            return failed + " " + raised + "; the code worked without " + (dropped.size() == 1 ? "it" : "them") + ".";
        }
        return failed + " " + raised + "; " + worked + " worked.";
    }

    private static String quoted(List<String> apis) {
        return apis.stream().map(a -> "`" + a + "`").collect(Collectors.joining(", "));
    }

    /** The line that names the exception (the last one of a traceback), else the failure signature's message part. */
    static String errorLine(String error, String signature) {
        if (error != null && !error.isBlank()) {
            String[] lines = error.strip().split("\\R");
            for (int i = lines.length - 1; i >= 0; i--) {
                String line = lines[i].strip();
                if (line.matches("[A-Za-z_][\\w.]*(Error|Exception|Warning|Exit|Interrupt|Fault|Failure|Timeout)\\b.*")) {
                    return cut(line, MAX_ERROR);
                }
            }
            return cut(lines[lines.length - 1].strip(), MAX_ERROR);
        }
        if (signature != null) {
            int at = signature.lastIndexOf(" @ ");
            return at > 0 ? signature.substring(0, at) : signature;
        }
        return null;
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max).strip() + "…";
    }
}
