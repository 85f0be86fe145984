package dev.spark.ai;

import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Picks the weights that {@link EmbeddingWeights} asks for and loads them. Where the answer depends on the CPU and
 * no rule settles it (no VNNI), it is measured: both weights load, embed the same sample passage in alternation,
 * and the one with the lower median time stays; the other is closed.
 */
final class WeightsSelection {

    /** Timed embeddings of each weights, after one untimed warm-up each. */
    static final int TIMED_ROUNDS = 3;

    /** About 1,000 characters of API documentation with code, as long as a typical chunk or task. */
    static final String SAMPLE = """
            pandas.DataFrame.groupby(by=None, axis=0, level=None, as_index=True, sort=True, group_keys=True, \
            observed=False, dropna=True). Group DataFrame using a mapper or by a Series of columns. A groupby \
            operation involves some combination of splitting the object, applying a function, and combining the \
            results. This can be used to group large amounts of data and compute operations on these groups. \
            Parameters: by: mapping, function, label, pd.Grouper or list of such. Used to determine the groups for \
            the groupby. If by is a function, it's called on each value of the object's index. If a dict or Series \
            is passed, the Series or dict VALUES will be used to determine the groups. Examples: \
            >>> df = pd.DataFrame({'Animal': ['Falcon', 'Falcon', 'Parrot', 'Parrot'], \
            ...                    'Max Speed': [380., 370., 24., 26.]}) \
            >>> df.groupby(['Animal']).mean() \
            Returns a DataFrameGroupBy object that contains information about the groups; \
            sort=False gives a speedup when the group keys need not be sorted.""";

    /**
     * The weights that run, their model, why they were chosen (for the start-up log), and the median nanoseconds each
     * weights took to embed the sample where they were measured (empty where a rule or the setting chose).
     */
    record Selected(EmbeddingModelChoice choice, EmbeddingModel model, String reason, Map<EmbeddingModelChoice, Long> medianNanos) {

        Selected {
            medianNanos = Map.copyOf(medianNanos);
        }

        Selected(EmbeddingModelChoice choice, EmbeddingModel model, String reason) {
            this(choice, model, reason, Map.of());
        }
    }

    private WeightsSelection() {
    }

    static Selected select(EmbeddingModelChoice configured, EmbeddingWeights weights, CpuFeatures cpu,
                           Function<EmbeddingModelChoice, EmbeddingModel> loader, ToLongFunction<EmbeddingModel> nanosToEmbedSample) {
        if (weights != EmbeddingWeights.AUTO) {
            EmbeddingModelChoice pinned = weights.pinned(configured);
            return new Selected(pinned, loader.apply(pinned), "spark.embedding.weights is " + weights);
        }
        Optional<EmbeddingModelChoice> other = configured.withWeights(!configured.int8());
        if (other.isEmpty()) {
            return new Selected(configured, loader.apply(configured), "the only weights Spark ships of " + configured.vectorSpace());
        }
        EmbeddingModelChoice int8 = configured.int8() ? configured : other.get();
        EmbeddingModelChoice fp32 = configured.int8() ? other.get() : configured;
        if (cpu.vnni()) {
            return new Selected(int8, loader.apply(int8), "int8, as this CPU has VNNI");
        }
        EmbeddingModel int8Model = loader.apply(int8);
        EmbeddingModel fp32Model;
        try {
            fp32Model = loader.apply(fp32);
        } catch (RuntimeException e) {
            close(int8Model);
            throw e;
        }
        long[] int8Nanos = new long[TIMED_ROUNDS];
        long[] fp32Nanos = new long[TIMED_ROUNDS];
        try {
            nanosToEmbedSample.applyAsLong(int8Model);
            nanosToEmbedSample.applyAsLong(fp32Model);
            for (int i = 0; i < TIMED_ROUNDS; i++) { // alternated, so that a busy moment of the machine hits both
                int8Nanos[i] = nanosToEmbedSample.applyAsLong(int8Model);
                fp32Nanos[i] = nanosToEmbedSample.applyAsLong(fp32Model);
            }
        } catch (RuntimeException e) {
            close(int8Model);
            close(fp32Model);
            throw e;
        }
        long int8Median = median(int8Nanos);
        long fp32Median = median(fp32Nanos);
        boolean int8Wins = int8Median <= fp32Median; // a tie goes to int8: a quarter of the memory
        close(int8Wins ? fp32Model : int8Model);
        String reason = String.format(Locale.ROOT,
                "measured, as this CPU has no VNNI: a sample passage took %.1f ms with int8, %.1f ms with fp32 (median of %d)",
                int8Median / 1e6, fp32Median / 1e6, TIMED_ROUNDS);
        Map<EmbeddingModelChoice, Long> measured = Map.of(int8, int8Median, fp32, fp32Median);
        return int8Wins ? new Selected(int8, int8Model, reason, measured) : new Selected(fp32, fp32Model, reason, measured);
    }

    /** Embeds {@link #SAMPLE} once as a document and returns the nanoseconds it took. */
    static long timeSample(EmbeddingModel model) {
        long started = System.nanoTime();
        model.embed(SAMPLE);
        return System.nanoTime() - started;
    }

    private static long median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void close(EmbeddingModel model) {
        if (model instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("Cannot close the embedding weights not chosen", e);
            }
        }
    }
}
