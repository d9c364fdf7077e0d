package dev.rset.forge.hook;

import dev.rset.core.api.ProviderType;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The {@code spec.type} values of a Receiver this control plane serves, and which
 * ResourceSetInputProvider types a verified event of that forge may update.
 */
public enum ReceiverType {
    GITHUB("github"),
    GITLAB("gitlab"),
    GITEA("gitea"),
    FORGEJO("forgejo"),
    AZURE_DEVOPS("azuredevops"),
    /** No payload check beyond the secret URL; requests a reconcile of the named providers. */
    GENERIC("generic"),
    /** Like generic, with an {@code X-Signature} HMAC over the body. */
    GENERIC_HMAC("generic-hmac");

    private final String wire;

    ReceiverType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /**
     * True when an event from this forge describes the repository objects that {@code provider}
     * lists (Gitea and Forgejo share the Gitea provider types and payloads).
     */
    public boolean feeds(ProviderType provider) {
        String name = provider.name();
        return switch (this) {
            case GITHUB -> name.startsWith("GITHUB_");
            case GITLAB -> name.startsWith("GITLAB_");
            case GITEA, FORGEJO -> name.startsWith("GITEA_");
            case AZURE_DEVOPS -> name.startsWith("AZURE_DEVOPS_");
            case GENERIC, GENERIC_HMAC -> false;
        };
    }

    public static ReceiverType parse(String s) {
        for (ReceiverType t : values()) {
            if (t.wire.equals(s)) {
                return t;
            }
        }
        return null;
    }

    public static String names() {
        return Arrays.stream(values()).map(ReceiverType::wire).collect(Collectors.joining(", "));
    }
}
