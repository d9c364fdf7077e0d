package dev.rset.delivery.apply;

import dev.rset.delivery.DeliveryException;
import dev.rset.delivery.DeliveryException.Reason;
import dev.rset.delivery.kube.ClusterApi;
import dev.rset.delivery.kube.Fields;
import dev.rset.delivery.kube.Poll;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Waits until a definition can be used: a CustomResourceDefinition until it is Established and
 * discovery serves its kind, a Namespace until it is Active (a terminating one refuses new objects).
 */
final class Established {
    private final ClusterApi api;
    private final Duration timeout;

    Established(ClusterApi api, Duration timeout) {
        this.api = api;
        this.timeout = timeout;
    }

    void await(Target target) {
        if ("Namespace".equals(target.ref().kind())) {
            require(target, "Active", () -> api.get(target.type(), target.ref())
                    .flatMap(ns -> Fields.string(ns, "status", "phase")).filter("Active"::equals).isPresent());
            return;
        }
        require(target, "Established", () -> api.get(target.type(), target.ref())
                .filter(crd -> Fields.conditionIs(crd, "Established", "True")).isPresent());
        String group = Fields.string(target.object(), "spec", "group").orElse("");
        String kind = Fields.string(target.object(), "spec", "names", "kind").orElse("");
        for (String version : servedVersions(target.object())) {
            require(target, "served as " + group + "/" + version,
                    () -> api.kinds().find(group + "/" + version, kind).isPresent());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> servedVersions(Map<String, Object> crd) {
        return Fields.at(crd, "spec", "versions").filter(List.class::isInstance).map(v -> (List<Object>) v)
                .orElse(List.of()).stream()
                .filter(Map.class::isInstance).map(v -> (Map<String, Object>) v)
                .filter(v -> !Boolean.FALSE.equals(v.get("served")))
                .map(v -> String.valueOf(v.get("name")))
                .toList();
    }

    private void require(Target target, String state, java.util.function.BooleanSupplier check) {
        if (!Poll.until(timeout, check)) {
            throw new DeliveryException(Reason.TIMEOUT, target.ref(), "cluster " + api.cluster() + ": " + target.ref()
                    + ": not " + state + " after " + timeout.toSeconds() + "s", null);
        }
    }
}
