package dev.rset.cli.dev;

import dev.rset.scheduler.SchedulerHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The scheduler's timer in {@code rset dev}, as the stack's EventBridge schedule is in AWS: it
 * invokes the scheduler function every interval. One thread runs every tick, so ticks never
 * overlap; a tick that fails is logged in one line and the next one runs as planned.
 */
final class LocalSchedule implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LocalSchedule.class.getName());

    private final SchedulerHandler scheduler;
    private final ScheduledExecutorService thread =
            Executors.newSingleThreadScheduledExecutor(LocalPairQueue.daemon("rset-scheduler"));
    private ScheduledFuture<?> timer;

    LocalSchedule(SchedulerHandler scheduler) {
        this.scheduler = scheduler;
    }

    /** Ticks now and then every {@code interval} after the last tick ended; zero leaves the timer off. */
    synchronized void every(Duration interval) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("the tick interval must not be negative, got " + interval);
        }
        if (timer != null) {
            throw new IllegalStateException("the scheduler's timer is already running");
        }
        // Closed already (Ctrl-C during the demo): nothing to start.
        if (!interval.isZero() && !thread.isShutdown()) {
            long millis = Math.max(1, interval.toMillis());
            timer = thread.scheduleWithFixedDelay(this::tick, 0, millis, TimeUnit.MILLISECONDS);
        }
    }

    /** Whether the timer runs. */
    synchronized boolean ticking() {
        return timer != null && !timer.isDone();
    }

    /** One tick now, on the timer's thread (so never alongside another), returning when it ended. */
    void tickNow() throws InterruptedException {
        try {
            thread.submit(this::tick).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("tick() catches what a tick throws", e.getCause());
        }
    }

    private void tick() {
        try {
            // The Lambda's entry, without a context: no time limit, the invocation id made up.
            scheduler.handleRequest(InputStream.nullInputStream(), OutputStream.nullOutputStream(), null);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "scheduler tick failed, the next one runs as planned: {0}: {1}",
                    e.getClass().getSimpleName(), e.getMessage());
        }
    }

    /** Lets a running tick finish (10 s at most: then it is interrupted, and its claims lapse by themselves). */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
