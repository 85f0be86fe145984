package dev.spark.ai;

/**
 * How Spark runs the embedding model's ONNX Runtime session. None of these change the vectors (checked by
 * {@code spark bench models}); they trade single-query latency against batch throughput.
 *
 * @param intraOpThreads threads one inference uses (0: one per core)
 * @param interOpThreads threads running independent graph nodes side by side; only used with
 *                       {@link ExecutionMode#PARALLEL} (0: the runtime's default)
 * @param optimization   graph optimisations applied when the session is created
 * @param executionMode  whether independent nodes of the graph run one after another or side by side
 * @param parallelTexts  texts of one batch embedded at the same time, each its own inference (0: one per core)
 */
public record OnnxSettings(int intraOpThreads, int interOpThreads, GraphOptimization optimization,
                           ExecutionMode executionMode, int parallelTexts) {

    /** ONNX Runtime's graph optimisation levels, from none to all (layout and fused kernels). */
    public enum GraphOptimization { ALL, EXTENDED, BASIC, NONE }

    public enum ExecutionMode { SEQUENTIAL, PARALLEL }

    static final int MAX_THREADS = 256;

    public OnnxSettings {
        threads("intra-op-threads", intraOpThreads, "one per core");
        threads("inter-op-threads", interOpThreads, "the runtime's default");
        threads("parallel-texts", parallelTexts, "one per core");
        if (optimization == null) {
            throw new IllegalArgumentException("spark.embedding.optimization must be one of ALL, EXTENDED, BASIC, NONE");
        }
        if (executionMode == null) {
            throw new IllegalArgumentException("spark.embedding.execution-mode must be SEQUENTIAL or PARALLEL");
        }
    }

    /** Spark's defaults: chosen by {@code spark bench models}, docs/benchmarks.md "Embedding speed across CPUs". */
    public static OnnxSettings defaults() {
        return new OnnxSettings(0, 0, GraphOptimization.ALL, ExecutionMode.SEQUENTIAL, 0);
    }

    public OnnxSettings withIntraOpThreads(int threads) {
        return new OnnxSettings(threads, interOpThreads, optimization, executionMode, parallelTexts);
    }

    public OnnxSettings withParallelTexts(int texts) {
        return new OnnxSettings(intraOpThreads, interOpThreads, optimization, executionMode, texts);
    }

    public OnnxSettings withOptimization(GraphOptimization level) {
        return new OnnxSettings(intraOpThreads, interOpThreads, level, executionMode, parallelTexts);
    }

    public OnnxSettings withExecutionMode(ExecutionMode mode) {
        return new OnnxSettings(intraOpThreads, interOpThreads, optimization, mode, parallelTexts);
    }

    /** Intra-op threads with 0 resolved to the cores of this machine. */
    public int resolvedIntraOpThreads() {
        return intraOpThreads == 0 ? cores() : intraOpThreads;
    }

    /** Texts embedded at once with 0 resolved to the cores of this machine. */
    public int resolvedParallelTexts() {
        return parallelTexts == 0 ? cores() : parallelTexts;
    }

    /** e.g. {@code intra-op 2, parallel texts 2, graph ALL, SEQUENTIAL}. */
    public String describe() {
        return "intra-op " + resolvedIntraOpThreads() + ", parallel texts " + resolvedParallelTexts() + ", graph " + optimization
                + ", " + executionMode + (executionMode == ExecutionMode.PARALLEL && interOpThreads > 0 ? ", inter-op " + interOpThreads : "");
    }

    private static int cores() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    private static void threads(String field, int value, String zero) {
        if (value < 0 || value > MAX_THREADS) {
            throw new IllegalArgumentException("spark.embedding." + field + " must be between 0 (" + zero + ") and "
                    + MAX_THREADS + ", was " + value);
        }
    }
}
