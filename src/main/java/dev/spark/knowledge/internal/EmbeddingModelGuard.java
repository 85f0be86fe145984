package dev.spark.knowledge.internal;

import dev.spark.ai.EmbeddingModelChoice;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Keeps query and stored vectors comparable. Vectors of different models share the 384 dimensions of the indexes
 * but not their meaning: a search with one model's query vector over another model's documents returns noise
 * without any error. So the database records the model that embedded it (an {@code EmbeddingModel} node, written
 * with the first documentation batch, or here at start-up for vectors written otherwise), and Spark refuses to
 * start on it with a model of another vector space while it holds vectors; the int8 and fp32 weights of one model
 * share theirs ({@link EmbeddingModelChoice#vectorSpace()}), so a database moves between CPUs that run different
 * weights. Databases from before the record name the model on each {@code Doc}, which is read instead. A database
 * without vectors takes any model.
 */
@Component
public class EmbeddingModelGuard implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddingModelGuard.class);

    private final KnowledgeRepository repository;
    private final EmbeddingModelChoice configured;

    EmbeddingModelGuard(KnowledgeRepository repository, EmbeddingModelChoice configured) {
        this.repository = repository;
        this.configured = configured;
    }

    @Override
    public void afterPropertiesSet() {
        check();
    }

    /** @throws EmbeddingModelMismatchException when the database holds vectors of another model */
    void check() {
        String model = configured.modelName();
        Optional<String> recorded = repository.recordedEmbeddingModel();
        if (recorded.isEmpty()) {
            List<String> onDocs = repository.docEmbeddingModels();
            if (onDocs.stream().anyMatch(name -> !EmbeddingModelChoice.sameVectorSpace(name, onDocs.get(0)))) {
                throw new EmbeddingModelMismatchException("This database holds documentation embedded by several models "
                        + onDocs + "; its vector search cannot work. Load it again into a new database.");
            }
            if (onDocs.isEmpty()) {
                if (repository.holdsVectors()) {
                    repository.recordEmbeddingModel(model); // vectors with no model named: the only guess is this one
                }
                return;
            }
            recorded = Optional.of(repository.recordEmbeddingModel(onDocs.get(0)));
        }
        if (EmbeddingModelChoice.sameVectorSpace(recorded.get(), model)) {
            return;
        }
        if (repository.holdsVectors()) {
            throw new EmbeddingModelMismatchException(recorded.get(), configured);
        }
        repository.forgetEmbeddingModel();
        log.info("This database held no vectors of {}; it now takes those of {}", recorded.get(), model);
    }

    /** Spark was started with another embedding model than the one that embedded its database. */
    public static final class EmbeddingModelMismatchException extends IllegalStateException {

        EmbeddingModelMismatchException(String message) {
            super(message);
        }

        EmbeddingModelMismatchException(String recorded, EmbeddingModelChoice configured) {
            this("This database was embedded with " + recorded + ", but spark.embedding.model is " + configured.name()
                    + " (" + configured.modelName() + "). Their vectors cannot be compared, so Spark does not start. "
                    + "Either start with SPARK_EMBEDDING_MODEL=" + choiceName(recorded) + ", or re-ingest with "
                    + configured.name() + ": point SPARK_NEO4J_HOME at a new directory and load the documentation "
                    + "again (spark ingest docs ...); traces and lessons stay in the old database.");
        }

        private static String choiceName(String modelName) {
            return EmbeddingModelChoice.byModelName(modelName).map(Enum::name).orElse("<the enum name of " + modelName + ">");
        }
    }
}
