package dev.rset.core.api;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Kubernetes' rules for label and annotation keys (qualified names: an optional DNS subdomain
 * prefix and {@code /}, then a name of at most 63 characters) and label values (at most 63
 * characters, alphanumeric at both ends). Each check answers what is wrong, or empty.
 */
final class LabelSyntax {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
    private static final Pattern PREFIX = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final int MAX_NAME = 63;
    private static final int MAX_PREFIX = 253;

    private LabelSyntax() {
    }

    static Optional<String> keyError(String key) {
        int slash = key.indexOf('/');
        String name = slash < 0 ? key : key.substring(slash + 1);
        if (slash >= 0) {
            String prefix = key.substring(0, slash);
            if (prefix.isEmpty() || prefix.length() > MAX_PREFIX || !PREFIX.matcher(prefix).matches()) {
                return Optional.of("prefix part must be a lowercase DNS subdomain of at most " + MAX_PREFIX
                        + " characters");
            }
        }
        if (name.isEmpty()) {
            return Optional.of("name part must be non-empty");
        }
        if (name.length() > MAX_NAME) {
            return Optional.of("name part must be no more than " + MAX_NAME + " characters");
        }
        if (!NAME.matcher(name).matches()) {
            return Optional.of("name part must consist of alphanumeric characters, '-', '_' or '.', and must start "
                    + "and end with an alphanumeric character");
        }
        return Optional.empty();
    }

    static Optional<String> valueError(String value) {
        if (value.length() > MAX_NAME) {
            return Optional.of("must be no more than " + MAX_NAME + " characters");
        }
        if (!value.isEmpty() && !NAME.matcher(value).matches()) {
            return Optional.of("a valid label must be an empty string or consist of alphanumeric characters, '-', "
                    + "'_' or '.', and must start and end with an alphanumeric character");
        }
        return Optional.empty();
    }
}
