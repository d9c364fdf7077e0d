package dev.rset.forge.testing;

import dev.rset.forge.hook.ReceiverType;
import dev.rset.forge.hook.Hmac;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Signs a body the way each forge does, for the receiver type's verification to accept it. */
public final class Signer {
    private Signer() {
    }

    /**
     * @param event the forge's event name (ignored for Azure DevOps, whose event is in the body)
     * @param deliveryId the forge's delivery id header value (Azure DevOps: in the body)
     */
    public static SignedRequest sign(ReceiverType type, String token, String event, String deliveryId, byte[] body) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json");
        switch (type) {
            case GITHUB -> {
                h.put("X-GitHub-Event", event);
                h.put("X-GitHub-Delivery", deliveryId);
                h.put("X-Hub-Signature-256", "sha256=" + Hmac.signHex("HmacSHA256", token, body));
            }
            case GITLAB -> {
                h.put("X-Gitlab-Event", event);
                h.put("X-Gitlab-Event-UUID", deliveryId);
                h.put("X-Gitlab-Token", token);
            }
            case GITEA -> {
                h.put("X-Gitea-Event", event);
                h.put("X-Gitea-Delivery", deliveryId);
                h.put("X-Gitea-Signature", Hmac.signHex("HmacSHA256", token, body));
            }
            case FORGEJO -> {
                String sig = Hmac.signHex("HmacSHA256", token, body);
                h.put("X-Forgejo-Event", event);
                h.put("X-Forgejo-Delivery", deliveryId);
                h.put("X-Forgejo-Signature", sig);
                h.put("X-Gitea-Event", event);
                h.put("X-Gitea-Delivery", deliveryId);
                h.put("X-Gitea-Signature", sig);
            }
            case AZURE_DEVOPS -> h.put("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(("hook:" + token).getBytes(StandardCharsets.UTF_8)));
            case GENERIC -> h.put("X-Request-Id", deliveryId);
            case GENERIC_HMAC -> {
                h.put("X-Request-Id", deliveryId);
                h.put("X-Signature", "sha256=" + Hmac.signHex("HmacSHA256", token, body));
            }
            default -> throw new IllegalArgumentException(type.toString());
        }
        return new SignedRequest(h, body);
    }
}
