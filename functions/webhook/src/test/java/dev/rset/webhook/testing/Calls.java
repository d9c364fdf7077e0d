package dev.rset.webhook.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the AWS API calls a real SDK client makes, by operation name, and can hold one call of
 * an operation at a gate (to see what other threads do meanwhile).
 */
public final class Calls implements ExecutionInterceptor {
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final Map<String, Runnable> gates = new ConcurrentHashMap<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String op = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        counts.computeIfAbsent(op, k -> new AtomicInteger()).incrementAndGet();
        Runnable gate = gates.remove(op);
        if (gate != null) {
            gate.run();
        }
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
