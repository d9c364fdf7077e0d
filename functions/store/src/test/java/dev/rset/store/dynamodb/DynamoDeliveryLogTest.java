package dev.rset.store.dynamodb;

import dev.rset.store.DeliveryClaim;
import dev.rset.store.contract.DeliveryLogContract;
import dev.rset.store.contract.StoreFixture;
import dev.rset.store.testing.MotoServer;
import dev.rset.store.testing.TestTables;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

@ExtendWith(MotoServer.class)
class DynamoDeliveryLogTest extends DeliveryLogContract {
    static DynamoDbClient db;

    @BeforeAll
    static void client(MotoServer moto) {
        db = TestTables.dynamo(moto);
    }

    @Override
    protected StoreFixture newFixture() {
        return new DynamoFixture(db);
    }

    @Test
    void eachKeyIsAnItemWhoseTtlIsTheLeaseThenTheDeDuplicationTtl() {
        DynamoFixture f = (DynamoFixture) fixture;
        DeliveryClaim.Claimed c = claimed(NOW, "id:d-1", "sha256:aa");
        assertEquals(NOW.plus(LEASE).getEpochSecond(), ttl(f, "id:d-1"));
        log(NOW).done(c, TTL);
        assertEquals(NOW.plus(TTL).getEpochSecond(), ttl(f, "sha256:aa"));
    }

    /**
     * moto_server applies the claim, its answer is lost (a 500 in its place), and the SDK sends the
     * same request again with the same ClientRequestToken: moto_server does not answer that resend
     * by the token as DynamoDB does, so the resend fails on the claim it made. It must still be
     * this caller's claim, not another attempt's (503 "being processed by another attempt").
     */
    @Test
    void aClaimWhoseAnswerWasLostAndThatWasSentAgainIsStillTheCallers(MotoServer moto) {
        LostAnswer lost = new LostAnswer("TransactWriteItems");
        DynamoFixture f = (DynamoFixture) fixture;
        DynamoDeliveryLog log = new DynamoDeliveryLog(TestTables.dynamo(moto, lost), f.config(),
                java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));

        DeliveryClaim claim = log.claim("apps/github", List.of("id:d-1", "sha256:aa"), LEASE);

        assertEquals(2, lost.attempts.size(), "the SDK sent the claim again after the lost answer");
        assertNotNull(lost.attempts.get(0), "the SDK fills ClientRequestToken");
        assertEquals(lost.attempts.get(0), lost.attempts.get(1), "and keeps it for the resend");
        DeliveryClaim.Claimed claimed = assertInstanceOf(DeliveryClaim.Claimed.class, claim);
        log.done(claimed, TTL);
        assertInstanceOf(DeliveryClaim.Done.class, log(NOW).claim("apps/github", List.of("sha256:aa"), LEASE));
    }

    /** Answers the first call of an operation with a 500 after the server applied it; records each attempt's token. */
    static final class LostAnswer implements ExecutionInterceptor {
        private static final Pattern TOKEN = Pattern.compile("\"ClientRequestToken\"\\s*:\\s*\"([^\"]+)\"");
        final List<String> attempts = new CopyOnWriteArrayList<>();
        private final String operation;
        private volatile boolean lostOne;

        LostAnswer(String operation) {
            this.operation = operation;
        }

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            if (ours(attributes)) {
                String body = context.requestBody().map(b -> {
                    try (InputStream in = b.contentStreamProvider().newStream()) {
                        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).orElse("");
                Matcher m = TOKEN.matcher(body);
                attempts.add(m.find() ? m.group(1) : null);
            }
        }

        @Override
        public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context,
                ExecutionAttributes attributes) {
            if (ours(attributes) && !lostOne) {
                lostOne = true;
                return context.httpResponse().toBuilder().statusCode(500).build();
            }
            return context.httpResponse();
        }

        private boolean ours(ExecutionAttributes attributes) {
            return operation.equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        }
    }

    private static long ttl(DynamoFixture f, String key) {
        Map<String, AttributeValue> raw = db.getItem(b -> b.tableName(f.config().tableName())
                .key(Attr.key(TableDesign.deliveryPk("apps/github"), key))).item();
        return Long.parseLong(raw.get("ttl").n());
    }
}
