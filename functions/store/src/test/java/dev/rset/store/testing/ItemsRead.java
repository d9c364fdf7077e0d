package dev.rset.store.testing;

import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Adds up the items DynamoDB reports it read, which is what read capacity is charged on: the
 * {@code ScannedCount} of queries and scans (filtered-out items included) and the items returned
 * by GetItem and BatchGetItem. Lets a test assert what a store operation reads.
 */
public final class ItemsRead implements ExecutionInterceptor {
    private final AtomicLong read = new AtomicLong();

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        Object r = context.response();
        if (r instanceof QueryResponse q && q.scannedCount() != null) {
            read.addAndGet(q.scannedCount());
        } else if (r instanceof ScanResponse s && s.scannedCount() != null) {
            read.addAndGet(s.scannedCount());
        } else if (r instanceof GetItemResponse g && g.hasItem()) {
            read.incrementAndGet();
        } else if (r instanceof BatchGetItemResponse b) {
            b.responses().values().forEach(items -> read.addAndGet(items.size()));
        }
    }

    /** The items read since the last call. */
    public long take() {
        return read.getAndSet(0);
    }
}
