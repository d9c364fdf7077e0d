package dev.rset.delivery.apply;

import dev.rset.delivery.ApplyOptions;
import dev.rset.delivery.Change;
import dev.rset.delivery.Change.Action;
import dev.rset.delivery.DeliveryException;
import dev.rset.delivery.DeliveryException.Reason;
import dev.rset.delivery.ObjectRef;
import dev.rset.delivery.apply.ApplyOrder.Stage;
import dev.rset.delivery.kube.ApiErrors;
import dev.rset.delivery.kube.ClusterApi;
import dev.rset.delivery.kube.Fields;
import dev.rset.delivery.kube.Poll;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Server-side apply of a set of objects in stages: CustomResourceDefinitions and Namespaces
 * (waited for until established and active, so what follows can use them), then the other
 * cluster-scoped objects, then the namespaced ones. Each object is dry-run first and written only
 * when the dry run differs from the live object, so a steady state writes nothing.
 */
public final class Applier {
    /** Lets an object be deleted and created again when a change to it is immutable. */
    public static final String FORCE_ANNOTATION = "fluxcd.controlplane.io/force";

    private final ClusterApi api;

    public Applier(ClusterApi api) {
        this.api = api;
    }

    public List<Change> apply(List<Map<String, Object>> objects, ApplyOptions options) {
        List<Map<String, Object>> definitions = new ArrayList<>();
        List<Map<String, Object>> others = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            Map<String, Object> object = Rendered.withLabels(Rendered.checked(api.cluster(), objects.get(i), i), options.ownerLabels());
            ObjectRef ref = ObjectRef.of(object);
            (isDefinition(ref) ? definitions : others).add(object);
        }
        List<Change> changes = new ArrayList<>();
        List<Target> definitionTargets = sorted(resolve(definitions));
        for (Target target : definitionTargets) {
            changes.add(applyOne(target, options));
        }
        Established established = new Established(api, options.timeout());
        definitionTargets.forEach(established::await);
        List<Target> rest = resolve(others);
        for (Stage stage : List.of(Stage.CLUSTER_SCOPED, Stage.NAMESPACED)) {
            for (Target target : sorted(rest.stream()
                    .filter(t -> Stage.of(t.ref().group(), t.ref().kind(), t.type().isNamespaceScoped()) == stage)
                    .toList())) {
                changes.add(applyOne(target, options));
            }
        }
        return changes;
    }

    private static boolean isDefinition(ObjectRef ref) {
        return Stage.of(ref.group(), ref.kind(), false) == Stage.DEFINITIONS;
    }

    private Change applyOne(Target target, ApplyOptions options) {
        Resource<GenericKubernetesResource> live = api.object(target.type(), target.ref());
        GenericKubernetesResource desired = api.toResource(target.object());
        try {
            GenericKubernetesResource current = live.get();
            if (current == null) {
                write(target, desired, options, false);
                return new Change(target.ref(), Action.CREATED);
            }
            GenericKubernetesResource dryRun;
            try {
                dryRun = write(target, desired, options, true);
            } catch (KubernetesClientException e) {
                if (ApiErrors.immutable(e) && "enabled".equals(Fields.annotation(target.object(), FORCE_ANNOTATION))) {
                    recreate(target, desired, options);
                    return new Change(target.ref(), Action.CONFIGURED);
                }
                throw e;
            }
            if (!Drift.drifted(api.toMap(current), api.toMap(dryRun))) {
                return new Change(target.ref(), Action.UNCHANGED);
            }
            write(target, desired, options, false);
            return new Change(target.ref(), Action.CONFIGURED);
        } catch (KubernetesClientException e) {
            throw api.failure(target.ref(), e);
        }
    }

    private GenericKubernetesResource write(Target target, GenericKubernetesResource desired, ApplyOptions options, boolean dryRun) {
        return api.objects(target.type(), target.ref().namespace()).resource(desired)
                .dryRun(dryRun)
                .fieldManager(options.fieldManager())
                .forceConflicts()
                .serverSideApply();
    }

    private void recreate(Target target, GenericKubernetesResource desired, ApplyOptions options) {
        api.object(target.type(), target.ref()).withPropagationPolicy(DeletionPropagation.FOREGROUND).delete();
        boolean gone = Poll.until(options.timeout(), () -> api.object(target.type(), target.ref()).get() == null);
        if (!gone) {
            throw new DeliveryException(Reason.TIMEOUT, target.ref(), "cluster " + api.cluster() + ": " + target.ref()
                    + ": still being deleted after " + options.timeout().toSeconds() + "s, cannot create it again", null);
        }
        write(target, desired, options, false);
    }

    private List<Target> resolve(List<Map<String, Object>> objects) {
        List<Target> targets = new ArrayList<>();
        for (Map<String, Object> rendered : objects) {
            Map<String, Object> object = rendered;
            ObjectRef ref = ObjectRef.of(object);
            ResourceDefinitionContext type = api.kinds().find(ref).orElse(null);
            if (type == null) {
                throw rejected(ref, "the cluster does not serve kind " + ref.kind() + " in " + ref.apiVersion());
            }
            if (type.isNamespaceScoped() && ref.namespace().isEmpty()) {
                throw rejected(ref, "metadata.namespace is required: " + ref.kind() + " is namespaced");
            }
            if (!type.isNamespaceScoped() && !ref.namespace().isEmpty()) {
                // Cluster-scoped kinds ignore a namespace (as kubectl does); the reference must not keep it.
                object = Rendered.withoutNamespace(object);
                ref = ObjectRef.of(object);
            }
            targets.add(new Target(ref, type, object));
        }
        return targets;
    }

    private static List<Target> sorted(List<Target> targets) {
        return targets.stream().sorted(ApplyOrder.TARGETS).toList();
    }

    private DeliveryException rejected(ObjectRef ref, String why) {
        return new DeliveryException(Reason.REJECTED, ref, "cluster " + api.cluster() + ": " + ref + ": rejected: " + why, null);
    }
}
