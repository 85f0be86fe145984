package dev.spark.recommend.retrieval;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/** The threads on which a recommendation's database queries run side by side. */
@Component
public class RetrievalPool implements Executor, AutoCloseable {

    private final ExecutorService threads = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "spark-retrieval");
        t.setDaemon(true);
        return t;
    });

    @Override
    public void execute(Runnable command) {
        threads.execute(command);
    }

    public <T> CompletableFuture<T> async(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, threads);
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
