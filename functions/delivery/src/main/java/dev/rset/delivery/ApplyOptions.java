package dev.rset.delivery;

import java.time.Duration;
import java.util.Map;

/**
 * How objects are applied. {@code ownerLabels} are the labels every applied object carries and
 * that garbage collection requires before it deletes anything; {@code timeout} bounds each wait
 * within an apply: for CRDs to be established and namespaces active, and for an object forced to be
 * re-created to be gone. Per-request timeouts are the client's, set by the connector.
 */
public record ApplyOptions(String fieldManager, Map<String, String> ownerLabels, Duration timeout) {
    /** The field manager of every server-side apply, as the Flux Operator names its own. */
    public static final String FIELD_MANAGER = "rset-serverless";

    public ApplyOptions {
        ownerLabels = Map.copyOf(ownerLabels);
    }
}
