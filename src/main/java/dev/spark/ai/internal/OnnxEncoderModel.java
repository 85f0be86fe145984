package dev.spark.ai.internal;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions.ExecutionMode;
import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.spark.ai.OnnxSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A LangChain4j in-process BERT encoder on an ONNX Runtime session that Spark configures itself
 * ({@link OnnxSettings}). ONNX Runtime's worker threads spin after each inference by default; on a two-core machine
 * that spinning takes the cores away from the database queries that follow every embedding, so Spark turns it off.
 * A batch is embedded text by text, {@code parallelTexts} at a time, each inference with {@code intraOpThreads}.
 * Closing it frees the session's native memory and its threads (a model measured at start-up and not chosen).
 */
public final class OnnxEncoderModel extends AbstractInProcessEmbeddingModel implements AutoCloseable {

    private final OnnxBertBiEncoder encoder;
    private final OrtSession session;
    private final ExecutorService texts;
    private final int dimension;
    private final OnnxSettings settings;

    public OnnxEncoderModel(Class<?> anchor, String modelResource, String tokenizerResource, PoolingMode pooling, int dimension,
                            OnnxSettings settings) {
        this(Executors.newFixedThreadPool(settings.resolvedParallelTexts(), r -> {
            Thread t = new Thread(r, "spark-embedding");
            t.setDaemon(true);
            return t;
        }), anchor, modelResource, tokenizerResource, pooling, dimension, settings);
    }

    private OnnxEncoderModel(ExecutorService texts, Class<?> anchor, String modelResource, String tokenizerResource,
                             PoolingMode pooling, int dimension, OnnxSettings settings) {
        super(texts);
        this.texts = texts;
        this.dimension = dimension;
        this.settings = settings;
        try (InputStream model = resource(anchor, modelResource); InputStream tokenizer = resource(anchor, tokenizerResource)) {
            OnnxNativeLibraries.load();
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions options = sessionOptions(settings)) {
                this.session = environment.createSession(model.readAllBytes(), options);
            }
            this.encoder = new OnnxBertBiEncoder(environment, session, tokenizer, pooling);
        } catch (IOException e) {
            texts.shutdown();
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            texts.shutdown();
            throw new IllegalStateException("Cannot load the embedding model " + modelResource, e);
        }
    }

    static OrtSession.SessionOptions sessionOptions(OnnxSettings settings) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.addConfigEntry("session.intra_op.allow_spinning", "0");
        options.addConfigEntry("session.inter_op.allow_spinning", "0");
        options.setIntraOpNumThreads(settings.resolvedIntraOpThreads());
        if (settings.interOpThreads() > 0) {
            options.setInterOpNumThreads(settings.interOpThreads());
        }
        options.setOptimizationLevel(switch (settings.optimization()) {
            case ALL -> OptLevel.ALL_OPT;
            case EXTENDED -> OptLevel.EXTENDED_OPT;
            case BASIC -> OptLevel.BASIC_OPT;
            case NONE -> OptLevel.NO_OPT;
        });
        options.setExecutionMode(settings.executionMode() == OnnxSettings.ExecutionMode.PARALLEL
                ? ExecutionMode.PARALLEL : ExecutionMode.SEQUENTIAL);
        return options;
    }

    public OnnxSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        texts.shutdown();
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("Cannot close the embedding model's session", e);
        }
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return dimension;
    }

    private static InputStream resource(Class<?> anchor, String name) {
        InputStream in = anchor.getResourceAsStream("/" + name);
        if (in == null) {
            throw new IllegalStateException("Embedding model resource not found on the class path: " + name);
        }
        return in;
    }
}
