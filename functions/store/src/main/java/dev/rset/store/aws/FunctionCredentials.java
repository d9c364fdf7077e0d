package dev.rset.store.aws;

import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;

/**
 * The credentials a function's AWS clients use, taken from where Lambda puts them instead of
 * walking the SDK's default chain (system properties, environment, web identity, profile files,
 * container, instance metadata) at the first call: a function without SnapStart gets its role's
 * keys in {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}/{@code AWS_SESSION_TOKEN}; one
 * restored from a SnapStart snapshot gets none of those but the container endpoint
 * ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI} with {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}), so a
 * hard-wired environment provider would fail there. Anywhere else (a laptop, {@code rset dev}) the
 * default chain.
 */
public final class FunctionCredentials {
    private FunctionCredentials() {
    }

    public static AwsCredentialsProvider fromEnv(Map<String, String> env) {
        if (present(env, "AWS_ACCESS_KEY_ID") && present(env, "AWS_SECRET_ACCESS_KEY")) {
            return EnvironmentVariableCredentialsProvider.create();
        }
        if (present(env, "AWS_CONTAINER_CREDENTIALS_FULL_URI")) {
            return ContainerCredentialsProvider.builder().build();
        }
        return DefaultCredentialsProvider.builder().build();
    }

    private static boolean present(Map<String, String> env, String name) {
        String v = env.get(name);
        return v != null && !v.isBlank();
    }
}
