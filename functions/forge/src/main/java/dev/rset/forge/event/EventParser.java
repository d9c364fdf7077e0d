package dev.rset.forge.event;

import dev.rset.forge.hook.ReceiverType;
import dev.rset.forge.hook.Delivery;

/** Reads a verified delivery according to its receiver's type. */
public final class EventParser {
    private EventParser() {
    }

    /** Throws {@link dev.rset.forge.hook.Rejection} (400) for a missing event header or a malformed payload. */
    public static ParsedDelivery parse(ReceiverType type, Delivery delivery) {
        return switch (type) {
            case GITHUB -> GitHubEvents.parse(delivery);
            case GITLAB -> GitLabEvents.parse(delivery);
            case GITEA -> GiteaEvents.parse(delivery, "Gitea");
            case FORGEJO -> GiteaEvents.parse(delivery, "Forgejo");
            case AZURE_DEVOPS -> AzureDevOpsEvents.parse(delivery);
            case GENERIC, GENERIC_HMAC -> new ParsedDelivery("generic",
                    delivery.headers().get("X-Request-Id"), new GenericEvent());
        };
    }
}
