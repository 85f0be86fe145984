package dev.spark.experience;

/** How an attempt ended. */
public enum Outcome {
    SUCCESS, FAILURE, PARTIAL
}
