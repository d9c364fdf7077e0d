package dev.rset.forge.notify;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The forges a notification can go to, by the names a policy uses (Forgejo speaks Gitea's API). */
public enum Forge {
    GITHUB("github"), GITLAB("gitlab"), GITEA("gitea"), AZURE_DEVOPS("azuredevops");

    private final String wire;

    Forge(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<Forge> byWire(String name) {
        return Arrays.stream(values()).filter(f -> f.wire.equals(name)).findFirst();
    }

    /** {@code github, gitlab, gitea, azuredevops}, for error messages. */
    public static String names() {
        return Arrays.stream(values()).map(Forge::wire).collect(Collectors.joining(", "));
    }
}
