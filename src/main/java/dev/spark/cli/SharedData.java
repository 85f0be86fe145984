package dev.spark.cli;

/** Where the commands find the shared data by default: {@code ../shared/data} beside the checkout. */
final class SharedData {

    static final String DOCS = "../shared/data/docs";
    static final String PROBLEMS = "../shared/data/ds1000/ds1000-dev.jsonl.gz";

    private SharedData() {
    }
}
