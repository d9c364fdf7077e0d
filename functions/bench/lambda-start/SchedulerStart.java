import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The scheduler function: {@code SchedulerStart N} gets the minute's scheduled event and runs one
 * tick over its own table, where {@link Setup} left many ResourceSets due; with
 * {@code RSET_TICK_MAX_ITEMS=1} each run claims one, announces its reconcile and reschedules it.
 */
public final class SchedulerStart {
    static final String HANDLER = "dev.rset.scheduler.SchedulerHandler";

    public static void main(String[] args) throws Exception {
        RequestStreamHandler h = Start.handler(HANDLER, RequestStreamHandler.class);
        String event = """
                {"version":"0","id":"%s","detail-type":"Scheduled Event","source":"aws.events",
                 "account":"123456789012","time":"2026-11-27T10:00:00Z","region":"us-east-1",
                 "resources":["arn:aws:events:us-east-1:123456789012:rule/rset-tick"],"detail":{}}"""
                .formatted(UUID.randomUUID());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        h.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out,
                Start.context("scheduler"));
        String answer = out.toString(StandardCharsets.UTF_8);
        Start.require(answer.contains("\"handled\":1,") && answer.contains("\"failed\":0"),
                "scheduler answered " + answer + " (no due ResourceSet left? run Setup again)");
        Start.report("scheduler", answer);
    }
}
