package dev.rset.store;

/** A reference to a secret held outside DynamoDB (a Secrets Manager secret name or ARN). */
public record SecretRef(String name) {
    public SecretRef {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("secret reference must not be empty");
        }
    }
}
