package dev.rset.store.aws;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;

class FunctionCredentialsTest {
    @Test
    void anOrdinaryStartReadsTheRoleKeysFromTheEnvironment() {
        assertInstanceOf(EnvironmentVariableCredentialsProvider.class, FunctionCredentials.fromEnv(Map.of(
                "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", "secret", "AWS_SESSION_TOKEN", "t")));
    }

    @Test
    void aFunctionRestoredFromASnapshotAsksTheContainerEndpoint() {
        // SnapStart gives no keys in the environment, only the container endpoint and its token.
        assertInstanceOf(ContainerCredentialsProvider.class, FunctionCredentials.fromEnv(Map.of(
                "AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9001/2021-04-23/credentials",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN", "token")));
    }

    @Test
    void halfTheKeysOrNoneFallBackToTheDefaultChain() {
        assertInstanceOf(DefaultCredentialsProvider.class, FunctionCredentials.fromEnv(Map.of(
                "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")));
        assertInstanceOf(DefaultCredentialsProvider.class, FunctionCredentials.fromEnv(Map.of()));
    }
}
