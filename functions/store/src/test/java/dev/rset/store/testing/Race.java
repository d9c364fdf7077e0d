package dev.rset.store.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Runs writers on their own threads, released together so that they really race. */
public final class Race {
    private Race() {
    }

    /** The result of each writer, in writer order; a writer's exception is rethrown. */
    public static <T> List<T> run(int writers, IntFunction<Callable<T>> writer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                Callable<T> body = writer.apply(i);
                futures.add(pool.submit(() -> {
                    go.await();
                    return body.call();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }
}
