package dev.rset.api.resources;

import dev.rset.api.http.ApiException;
import dev.rset.core.api.InvalidObjectException;
import dev.rset.core.api.Receiver;
import dev.rset.store.Condition;
import dev.rset.store.SecretNames;
import dev.rset.store.SecretStore;
import dev.rset.store.StoredObject;
import dev.rset.store.secrets.ReceiverTokens;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Receiver's token as the API shows and issues it: {@code status.webhookPath} computed from the
 * token in its secret (as Flux shows it), and the token created or replaced on request. The token
 * itself is only ever in the answer to the request that made it; the webhook path is derived from
 * it, so the path changes with each rotation.
 */
final class ReceiverSecrets {
    static final String REASON_READY = "Succeeded";
    static final String REASON_NO_TOKEN = "TokenNotFound";

    private final ReceiverTokens tokens;
    private final SecureRandom random;

    ReceiverSecrets(SecretStore secrets, String prefix, SecureRandom random) {
        this.tokens = new ReceiverTokens(secrets, new SecretNames(prefix));
        this.random = random;
    }

    /**
     * The Receiver's status: {@code webhookPath} and Ready when its secret holds a token, Ready
     * False with {@value #REASON_NO_TOKEN} otherwise. Nothing for a Receiver that cannot be read.
     */
    Map<String, Object> status(StoredObject o) {
        Receiver r;
        try {
            r = Receiver.from(o.manifest());
        } catch (InvalidObjectException e) {
            return Map.of();
        }
        Optional<String> token = tokens.token(r);
        Map<String, Object> status = new LinkedHashMap<>();
        String secret = tokens.secretOf(r).name();
        Map<String, Object> ready = new LinkedHashMap<>();
        ready.put("type", Condition.READY);
        ready.put("status", token.isPresent() ? "True" : "False");
        ready.put("reason", token.isPresent() ? REASON_READY : REASON_NO_TOKEN);
        ready.put("message", token.isPresent() ? "Receiver initialized for path: " + r.webhookPath(token.get())
                : "secret " + secret + " is missing or holds no token: rset receivers secret " + r.name() + " -n "
                        + r.namespace() + " creates it");
        status.put("conditions", List.of(ready));
        token.ifPresent(t -> status.put("webhookPath", r.webhookPath(t)));
        return status;
    }

    /**
     * Creates the Receiver's token, or replaces it when {@code rotate}; a Receiver that has one and
     * was not asked to rotate is a 409 (its token is never shown again).
     */
    Map<String, Object> issue(StoredObject o, boolean rotate) {
        Receiver r;
        try {
            r = Receiver.from(o.manifest());
        } catch (InvalidObjectException e) {
            throw ApiException.invalid(o.key() + " is invalid: " + e.getMessage());
        }
        boolean had = tokens.token(r).isPresent();
        if (had && !rotate) {
            throw ApiException.conflict(o.key() + " already has a token in secret " + tokens.secretOf(r).name()
                    + ": rotate it to replace it (the webhook path changes with it)");
        }
        String token = ReceiverTokens.newToken(random);
        tokens.write(r, token);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("apiVersion", "v1");
        out.put("kind", "ReceiverToken");
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("name", r.name());
        meta.put("namespace", r.namespace());
        out.put("metadata", meta);
        out.put("secretName", tokens.secretOf(r).name());
        out.put("token", token);
        out.put("webhookPath", r.webhookPath(token));
        out.put("action", had ? "rotated" : "created");
        return out;
    }

    /** What the audit line says the request did, without the token. */
    static String action(Map<String, Object> issued) {
        return "token " + issued.get("action");
    }
}
