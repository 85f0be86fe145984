package dev.spark.cli;

/** Exit codes every command keeps to (docs/cli.md), so that scripts can branch on them. */
final class ExitCodes {

    static final int OK = 0;
    /** The command ran and failed: rejected records, a failed curation run, a bad import line. */
    static final int FAILED = 1;
    /** Bad arguments or options (picocli's own code for usage errors), or an input that does not exist. */
    static final int USAGE = 2;
    /** Another curation run holds the lease. */
    static final int BUSY = 3;
    /** The import target already holds memory. */
    static final int NOT_EMPTY = 4;

    private ExitCodes() {
    }
}
