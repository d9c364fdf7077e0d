package dev.rset.webhook.testing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Loses the answer to the first call of each named operation after the server applied it (a 500
 * in its place), so that the SDK sends the same request again: what a dropped connection or a
 * slow answer does, made deterministic.
 */
public final class LostAnswers implements ExecutionInterceptor {
    private final Set<String> pending = ConcurrentHashMap.newKeySet();

    public LostAnswers(String... operations) {
        pending.addAll(Set.of(operations));
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        if (pending.remove(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
            return context.httpResponse().toBuilder().statusCode(500).build();
        }
        return context.httpResponse();
    }

    /** The operations whose answer is still to be lost. */
    public Set<String> pending() {
        return Set.copyOf(pending);
    }
}
