package dev.rset.webhook.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the AWS API calls a real SDK client makes, by operation name; can hold one call of an
 * operation at a gate (to see what other threads do meanwhile), and can fail the calls a test
 * names the way AWS fails them (a KMS key the function may not use, say), which no emulator does.
 */
public final class Calls implements ExecutionInterceptor {
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final Map<String, Runnable> gates = new ConcurrentHashMap<>();
    private volatile Predicate<SdkRequest> failing = r -> false;
    private volatile Supplier<RuntimeException> failure = () -> null;

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String op = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        counts.computeIfAbsent(op, k -> new AtomicInteger()).incrementAndGet();
        Runnable gate = gates.remove(op);
        if (gate != null) {
            gate.run();
        }
        if (failing.test(context.request())) {
            throw failure.get();
        }
    }

    /** From now on, every request that {@code which} matches fails with {@code error} before it is sent. */
    public void fail(Predicate<SdkRequest> which, Supplier<RuntimeException> error) {
        failure = error;
        failing = which;
    }

    /** Calls of {@code operation} since the last {@link #reset}. */
    public int of(String operation) {
        AtomicInteger n = counts.get(operation);
        return n == null ? 0 : n.get();
    }

    public void reset() {
        counts.clear();
    }

    /** Runs {@code gate} in the thread of the next call of {@code operation}, before the call. */
    public void holdNext(String operation, Runnable gate) {
        gates.put(operation, gate);
    }
}
