package dev.spark.ai.internal;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Executors;

/**
 * A LangChain4j in-process BERT encoder on an ONNX Runtime session that Spark configures itself. ONNX Runtime's
 * worker threads spin after each inference by default; on a two-core machine that spinning takes the cores
 * away from the database queries that follow every embedding, so Spark turns it off.
 */
public final class OnnxEncoderModel extends AbstractInProcessEmbeddingModel {

    private final OnnxBertBiEncoder encoder;
    private final int dimension;

    public OnnxEncoderModel(Class<?> anchor, String modelResource, String tokenizerResource, PoolingMode pooling, int dimension) {
        super(Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
            Thread t = new Thread(r, "spark-embedding");
            t.setDaemon(true);
            return t;
        }));
        this.dimension = dimension;
        try (InputStream model = resource(anchor, modelResource); InputStream tokenizer = resource(anchor, tokenizerResource)) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.addConfigEntry("session.inter_op.allow_spinning", "0");
            OrtSession session = environment.createSession(model.readAllBytes(), options);
            this.encoder = new OnnxBertBiEncoder(environment, session, tokenizer, pooling);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("Cannot load the embedding model " + modelResource, e);
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
