package dev.rset.webhook.testing;

import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * The requests AWS clients send, by service and operation ({@code DynamoDb.GetItem}): counted as
 * they go on the wire, so that a retried call counts once per attempt, as the latency sees it.
 */
public final class RoundTrips implements ExecutionInterceptor {
    private final Map<String, Integer> sent = new TreeMap<>();

    @Override
    public synchronized void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String op = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        sent.merge(op, 1, Integer::sum);
    }

    /** The requests sent since the last call, by operation; starts counting afresh. */
    public synchronized Map<String, Integer> take() {
        Map<String, Integer> out = new TreeMap<>(sent);
        sent.clear();
        return out;
    }
}
