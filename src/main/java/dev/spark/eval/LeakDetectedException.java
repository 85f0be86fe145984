package dev.spark.eval;

/** A test problem's prompt or reference code was found in the graph before it was asked: the evaluation stops. */
public class LeakDetectedException extends RuntimeException {

    public LeakDetectedException(String message) {
        super(message);
    }
}
