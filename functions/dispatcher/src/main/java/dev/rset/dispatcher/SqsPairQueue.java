package dev.rset.dispatcher;

import dev.rset.reconciler.PairRequest;
import dev.rset.reconciler.queue.PairMessages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * The pair queue on SQS FIFO: SendMessageBatch of at most 10 entries (the API's limit), message
 * group per pair, de-duplication id per request ({@link PairMessages}). Entries the queue refuses
 * are sent again with a growing pause, up to {@code attempts} times.
 */
public final class SqsPairQueue implements PairQueue {
    static final int MAX_ENTRIES = 10;

    private final SqsClient sqs;
    private final String queueUrl;
    private final int attempts;
    private final Duration backoff;

    public SqsPairQueue(SqsClient sqs, String queueUrl, int attempts, Duration backoff) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.attempts = attempts;
        this.backoff = backoff;
    }

    @Override
    public void send(List<PairRequest> requests) {
        for (int from = 0; from < requests.size(); from += MAX_ENTRIES) {
            sendBatch(requests.subList(from, Math.min(requests.size(), from + MAX_ENTRIES)));
        }
    }

    private void sendBatch(List<PairRequest> batch) {
        Map<String, SendMessageBatchRequestEntry> pending = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            PairRequest r = batch.get(i);
            pending.put(Integer.toString(i), SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
                    .messageBody(PairMessages.body(r)).messageGroupId(PairMessages.groupId(r))
                    .messageDeduplicationId(PairMessages.deduplicationId(r)).build());
        }
        String lastError = "";
        for (int attempt = 1; attempt <= attempts && !pending.isEmpty(); attempt++) {
            if (attempt > 1) {
                pause(backoff.multipliedBy(1L << (attempt - 2)));
            }
            SendMessageBatchResponse resp = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl)
                    .entries(new ArrayList<>(pending.values())));
            resp.successful().forEach(ok -> pending.remove(ok.id()));
            for (BatchResultErrorEntry e : resp.failed()) {
                lastError = e.code() + ": " + e.message();
                if (Boolean.TRUE.equals(e.senderFault())) {
                    throw new QueueException("queue refused a pair request: " + lastError);
                }
            }
        }
        if (!pending.isEmpty()) {
            throw new QueueException(pending.size() + " pair request(s) not accepted by " + queueUrl + " after "
                    + attempts + " attempts: " + lastError);
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueueException("interrupted while retrying SendMessageBatch");
        }
    }
}
