package dev.spark.curation;

/** Another run holds the curation lease; this one did nothing. Not a failure: the other run curates the traces. */
public class CurationAlreadyRunningException extends RuntimeException {

    private final String holder;

    public CurationAlreadyRunningException(String holder, String until) {
        super("Curation is already running (" + holder + ", lease until " + until + ")");
        this.holder = holder;
    }

    public String holder() {
        return holder;
    }
}
