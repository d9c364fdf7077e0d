package dev.rset.store.aws;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FunctionEnvironmentTest {
    @Test
    void aRequiredVariableThatIsMissingOrBlankStopsTheFunctionNamingIt() {
        FunctionEnvironment fn = new FunctionEnvironment(Map.of("RSET_TABLE", " "));
        assertEquals("RSET_TABLE is not set",
                assertThrows(IllegalStateException.class, () -> fn.required("RSET_TABLE")).getMessage());
        assertEquals("RSET_EVENT_BUS is not set",
                assertThrows(IllegalStateException.class, () -> fn.required("RSET_EVENT_BUS")).getMessage());
        assertEquals("t", new FunctionEnvironment(Map.of("RSET_TABLE", "t")).required("RSET_TABLE"));
    }

    @Test
    void aServicesOwnEndpointWinsOverTheSharedOne() {
        FunctionEnvironment fn = new FunctionEnvironment(Map.of("RSET_AWS_ENDPOINT", "http://127.0.0.1:5000",
                "RSET_STS_ENDPOINT", "http://127.0.0.1:6000", "RSET_SECRETS_ENDPOINT", ""));
        assertEquals(Optional.of(URI.create("http://127.0.0.1:6000")), fn.endpoint("RSET_STS_ENDPOINT"));
        assertEquals(Optional.of(URI.create("http://127.0.0.1:5000")), fn.endpoint("RSET_SECRETS_ENDPOINT"));
        assertEquals(Optional.empty(), new FunctionEnvironment(Map.of()).endpoint("RSET_STS_ENDPOINT"));
    }

    @Test
    void clientsAreMadeInTheFunctionsRegion() {
        FunctionEnvironment fn = new FunctionEnvironment(Map.of("AWS_REGION", "eu-west-3"));
        try (SecretsManagerClient sm = fn.client(SecretsManagerClient.builder(), AnonymousCredentialsProvider.create(),
                Optional.of(URI.create("http://127.0.0.1:1")))) {
            assertEquals("eu-west-3", sm.serviceClientConfiguration().region().id());
            assertEquals(Optional.of(URI.create("http://127.0.0.1:1")),
                    sm.serviceClientConfiguration().endpointOverride());
        }
        assertEquals(FunctionEnvironment.DEFAULT_REGION, new FunctionEnvironment(Map.of()).regionName());
    }

    @Test
    void aClientWhenUsedIsBuiltAtItsFirstUseOnlyAndThenKept() {
        AtomicInteger builders = new AtomicInteger();
        FunctionEnvironment fn = new FunctionEnvironment(Map.of("AWS_REGION", "eu-west-3"));
        Supplier<SecretsManagerClient> sm = fn.clientWhenUsed(() -> {
            builders.incrementAndGet();
            return SecretsManagerClient.builder();
        }, AnonymousCredentialsProvider.create(), Optional.of(URI.create("http://127.0.0.1:1")));
        assertEquals(0, builders.get());
        SecretsManagerClient first = sm.get();
        assertSame(first, sm.get());
        assertEquals(1, builders.get());
        assertEquals("eu-west-3", first.serviceClientConfiguration().region().id());
        first.close();
    }
}
