package dev.rset.core.api;

import java.util.List;
import java.util.Map;

/**
 * The desired state of a ResourceSetInputProvider.
 *
 * @param insecure plain HTTP allowed (ExternalService and OCIArtifactTag only)
 */
public record ProviderSpec(ProviderType type, String url, String secretRef, String certSecretRef,
        Map<String, Object> defaultValues, ProviderFilter filter, List<String> skipLabels,
        List<Schedule> schedule, boolean insecure) {
    public ProviderSpec {
        defaultValues = Map.copyOf(defaultValues);
        skipLabels = List.copyOf(skipLabels);
        schedule = List.copyOf(schedule);
    }

    static ProviderSpec read(Fields spec) {
        String type = spec.requiredString("type");
        ProviderType t = ProviderType.parse(type);
        if (t == null) {
            throw spec.error("type", "unsupported value \"" + type + "\", must be one of " + ProviderType.names());
        }
        Fields secret = spec.object("secretRef");
        Fields cert = spec.object("certSecretRef");
        Fields skip = spec.object("skip");
        Fields filter = spec.object("filter");
        boolean insecure = spec.bool("insecure");
        if (insecure && t != ProviderType.EXTERNAL_SERVICE && t != ProviderType.OCI_ARTIFACT_TAG) {
            throw spec.error("insecure", "can only be set when spec.type is 'ExternalService' or 'OCIArtifactTag'");
        }
        return new ProviderSpec(t, spec.string("url"),
                secret == null ? "" : secret.requiredString("name"),
                cert == null ? "" : cert.requiredString("name"),
                spec.map("defaultValues"),
                filter == null ? ProviderFilter.DEFAULT : ProviderFilter.read(filter),
                skip == null ? List.of() : skip.stringList("labels"),
                spec.list("schedule", (f, i) -> Schedule.read(f)), insecure);
    }
}
