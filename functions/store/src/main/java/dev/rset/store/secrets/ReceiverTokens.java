package dev.rset.store.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rset.core.api.Receiver;
import dev.rset.store.SecretNames;
import dev.rset.store.SecretRef;
import dev.rset.store.SecretStore;
import java.io.IOException;
import java.util.Optional;

/**
 * Where a Receiver's token lives: the Secrets Manager secret {@link SecretNames#receiverToken},
 * namespaced like the Kubernetes secret Flux reads. Its value is either the token itself or a JSON
 * object with a {@code token} key, the key Flux reads from the secret's data.
 */
public final class ReceiverTokens {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecretStore secrets;
    private final SecretNames names;

    public ReceiverTokens(SecretStore secrets, SecretNames names) {
        this.secrets = secrets;
        this.names = names;
    }

    public SecretRef secretOf(Receiver r) {
        return names.receiverToken(r.namespace(), r.secretRef());
    }

    /** The token, or empty when the secret is missing or holds none. */
    public Optional<String> token(Receiver r) {
        return secrets.get(secretOf(r)).map(ReceiverTokens::tokenOf).filter(t -> !t.isEmpty());
    }

    /**
     * Stores {@code token} as the receiver's, as the JSON object {@code {"token": …}} (the key Flux
     * reads), creating the secret or replacing its value.
     */
    public SecretRef write(Receiver r, String token) {
        String value = JSON.createObjectNode().put("token", token).toString();
        return secrets.put(secretOf(r).name(), value, "webhook token of the rset Receiver " + r.namespace() + "/"
                + r.name());
    }

    /** A new random token: 32 bytes from {@code random}, hex (64 characters, safe in any header or form). */
    public static String newToken(java.security.SecureRandom random) {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return java.util.HexFormat.of().formatHex(b);
    }

    static String tokenOf(String value) {
        String v = value.trim();
        if (!v.startsWith("{")) {
            return v;
        }
        try {
            JsonNode token = JSON.readTree(v).get("token");
            return token != null && token.isTextual() ? token.asText().trim() : "";
        } catch (IOException e) {
            return "";
        }
    }
}
