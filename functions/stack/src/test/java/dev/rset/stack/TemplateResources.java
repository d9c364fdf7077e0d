package dev.rset.stack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Parts of template.yaml made for real on an emulator (moto_server), so that tests and benchmarks
 * run the stack's own rules and queues rather than copies of them.
 */
public final class TemplateResources {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The SQS attributes of an {@code AWS::SQS::Queue} that change how messages are handed out. */
    private static final List<String> QUEUE_ATTRIBUTES = List.of("FifoQueue", "ContentBasedDeduplication",
            "DeduplicationScope", "FifoThroughputLimit", "VisibilityTimeout", "MessageRetentionPeriod");

    private TemplateResources() {
    }

    /**
     * Every {@code EventBridgeRule} event of the template's functions, put on {@code bus} with its
     * event pattern and an SQS queue standing in for the function: {@code Function-Event} → queue
     * URL. The target has a pass-through input transformer giving the envelope fields a function
     * reads ({@code id}, {@code source}, {@code detail-type}, {@code detail}); moto delivers with
     * it in milliseconds instead of a third of a second.
     */
    public static Map<String, String> rulesToQueues(Template template, EventBridgeClient events, SqsClient sqs,
            String bus) {
        Map<String, String> queueOfRule = new LinkedHashMap<>();
        template.resources("AWS::Serverless::Function").forEach((fn, props) -> Template.map(props, "Events")
                .forEach((id, e) -> {
                    Map<String, Object> event = Template.map(Template.map(props, "Events"), id);
                    if (!"EventBridgeRule".equals(event.get("Type"))) {
                        return;
                    }
                    Map<String, Object> p = Template.map(event, "Properties");
                    if (!Map.of("Ref", "ControlPlaneBus").equals(p.get("EventBusName"))) {
                        throw new IllegalStateException(fn + " " + id + ": not a rule of ControlPlaneBus");
                    }
                    String rule = fn + "-" + id;
                    String url = sqs.createQueue(b -> b.queueName(rule + "-" + UUID.randomUUID())).queueUrl();
                    String pattern;
                    try {
                        pattern = JSON.writeValueAsString(p.get("Pattern"));
                    } catch (JsonProcessingException ex) {
                        throw new IllegalStateException(ex);
                    }
                    events.putRule(b -> b.name(rule).eventBusName(bus).eventPattern(pattern));
                    events.putTargets(b -> b.rule(rule).eventBusName(bus).targets(t -> t.id("q").arn(arn(sqs, url))
                            .inputTransformer(x -> x.inputPathsMap(Map.of("id", "$.id", "source", "$.source",
                                    "type", "$.detail-type", "detail", "$.detail"))
                                    .inputTemplate("{\"id\": \"<id>\", \"source\": \"<source>\", "
                                            + "\"detail-type\": \"<type>\", \"detail\": <detail>}"))));
                    queueOfRule.put(rule, url);
                }));
        return queueOfRule;
    }

    /**
     * The queue {@code logicalId} with the template's delivery attributes (FIFO, de-duplication,
     * visibility timeout, ...) and its redrive policy to the dead-letter queue the template names
     * (created too, after the same rule); returns its URL.
     */
    public static String queue(Template template, SqsClient sqs, String logicalId, String name) {
        Map<String, Object> props = Template.map(template.resource(logicalId), "Properties");
        Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
        for (String a : QUEUE_ATTRIBUTES) {
            if (props.containsKey(a)) {
                attributes.put(QueueAttributeName.fromValue(a), String.valueOf(props.get(a)));
            }
        }
        boolean fifo = Boolean.TRUE.equals(props.get("FifoQueue"));
        Map<String, Object> redrive = Template.map(props, "RedrivePolicy");
        if (!redrive.isEmpty()) {
            Object target = Template.map(redrive, "deadLetterTargetArn").get("Fn::GetAtt");
            String dlq = queue(template, sqs, String.valueOf(target).replace(".Arn", ""), name + "-dlq");
            attributes.put(QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + arn(sqs, dlq)
                    + "\",\"maxReceiveCount\":\"" + value(template, redrive.get("maxReceiveCount")) + "\"}");
        }
        return sqs.createQueue(b -> b.queueName(fifo ? name + ".fifo" : name).attributes(attributes)).queueUrl();
    }

    private static String arn(SqsClient sqs, String url) {
        return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    /** A literal, or a {@code Ref} to a parameter: its default. */
    private static String value(Template template, Object v) {
        if (v instanceof Map<?, ?> m && m.get("Ref") instanceof String parameter) {
            return String.valueOf(template.parameterDefault(parameter));
        }
        return String.valueOf(v);
    }
}
