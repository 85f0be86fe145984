package dev.spark.forgetting;

/**
 * What a forgetting request did, as its audit record holds it: counts and a hash of the subject, no content.
 *
 * @param auditId                 id of the {@code Forgetting} node
 * @param kind                    what was forgotten
 * @param subjectHash             SHA-256 (hex) of {@code spark-forget:<KIND>:<id>}
 * @param status                  {@code COMPLETED}, or {@code RUNNING} for a request that was interrupted
 * @param alreadyForgotten        true when the subject was forgotten by an earlier request, which this one reports
 * @param requestedBy             the channel of the request ({@code api}, {@code cli})
 * @param curationRunId           the {@code CurationRun} of trigger {@code forget} holding the decisions about lessons
 * @param traces                  traces deleted
 * @param tasks                   tasks deleted (no other trace attempted them, no other recommendation was for them)
 * @param failurePatterns         failure patterns deleted (no other trace hit them)
 * @param recommendations         recommendations deleted (made for a deleted task or the agent, or citing forgotten content)
 * @param lessonsRetired          lessons retired with their text and embedding removed (no provenance left)
 * @param lessonsRederived        canonical lessons that took over a remaining duplicate's text and provenance
 * @param lessonDuplicatesDeleted merged duplicates learned from a forgotten trace, deleted
 * @param lessonsRecounted        canonical lessons whose support, agents and outcomes were counted again
 * @param apis                    API nodes known only from forgotten code, deleted
 * @param agents                  agents deleted
 * @param spaces                  spaces deleted
 * @param apiKeys                 API keys of a forgotten space, deleted
 */
public record ForgetReport(String auditId, ForgetKind kind, String subjectHash, String status, boolean alreadyForgotten,
                           String requestedBy, String curationRunId, String startedAt, String finishedAt, long traces, long tasks,
                           long failurePatterns, long recommendations, long lessonsRetired, long lessonsRederived,
                           long lessonDuplicatesDeleted, long lessonsRecounted, long apis, long agents, long spaces, long apiKeys) {

    public ForgetReport asAlreadyForgotten() {
        return new ForgetReport(auditId, kind, subjectHash, status, true, requestedBy, curationRunId, startedAt, finishedAt, traces,
                tasks, failurePatterns, recommendations, lessonsRetired, lessonsRederived, lessonDuplicatesDeleted, lessonsRecounted,
                apis, agents, spaces, apiKeys);
    }

    /** One line for the command line and the log. */
    public String summary() {
        return String.format("Forgot %s %s (audit %s, %s): %d trace(s), %d task(s), %d failure pattern(s), %d recommendation(s); "
                        + "lessons: %d retired, %d re-derived, %d duplicate(s) deleted, %d recounted; %d API(s), %d agent(s), "
                        + "%d space(s), %d API key(s)%s",
                kind.name().toLowerCase(java.util.Locale.ROOT), subjectHash.substring(0, 12), auditId, status, traces, tasks,
                failurePatterns, recommendations, lessonsRetired, lessonsRederived, lessonDuplicatesDeleted, lessonsRecounted, apis,
                agents, spaces, apiKeys, alreadyForgotten ? "; already forgotten earlier" : "");
    }
}
