package dev.rset.delivery;

import java.time.Duration;
import java.util.Map;

/**
 * How objects are applied. {@code ownerLabels} are the labels every applied object carries and
 * that garbage collection requires before it deletes anything; {@code timeout} bounds the wait
 * for CRDs and namespaces to be established and each request.
 */
public record ApplyOptions(String fieldManager, Map<String, String> ownerLabels, Duration timeout) {
    /** The field manager of every server-side apply, as the Flux Operator names its own. */
    public static final String FIELD_MANAGER = "rset-serverless";

    public ApplyOptions {
        ownerLabels = Map.copyOf(ownerLabels);
    }
}
