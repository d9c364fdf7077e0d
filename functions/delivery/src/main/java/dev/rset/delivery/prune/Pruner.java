package dev.rset.delivery.prune;

import dev.rset.delivery.Change;
import dev.rset.delivery.Change.Action;
import dev.rset.delivery.DeliveryException;
import dev.rset.delivery.DeliveryException.Reason;
import dev.rset.delivery.ObjectRef;
import dev.rset.delivery.apply.ApplyOrder;
import dev.rset.delivery.kube.ClusterApi;
import dev.rset.delivery.kube.Fields;
import dev.rset.delivery.kube.Poll;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Garbage collection of objects that left the inventory. Flux's own kinds go first and are waited
 * for until gone: their finalizers delete what they created, which may include objects of the
 * second stage. The rest follow in the reverse of the apply order (namespaces and definitions last).
 */
public final class Pruner {
    /** Keeps an object on the cluster after it leaves the inventory. */
    public static final String PRUNE_ANNOTATION = "fluxcd.controlplane.io/prune";

    private final ClusterApi api;

    public Pruner(ClusterApi api) {
        this.api = api;
    }

    public List<Change> prune(List<ObjectRef> stale, Map<String, String> ownerLabels, Duration timeout) {
        if (ownerLabels.isEmpty()) {
            throw new IllegalArgumentException("prune needs the owner labels: it never deletes objects that are not ours");
        }
        Comparator<ObjectRef> reverseApplyOrder = ApplyOrder.REFS.reversed();
        List<ObjectRef> flux = stale.stream().filter(ObjectRef::fluxKind).sorted(reverseApplyOrder).toList();
        List<ObjectRef> rest = stale.stream().filter(r -> !r.fluxKind())
                .sorted(Comparator.comparing((ObjectRef r) -> r.namespace().isEmpty()).thenComparing(reverseApplyOrder))
                .toList();
        List<Change> changes = new ArrayList<>();
        List<Deleted> waitFor = new ArrayList<>();
        for (ObjectRef ref : flux) {
            delete(ref, ownerLabels).ifPresent(d -> {
                changes.add(d.change());
                if (d.change().action() == Action.DELETED) {
                    waitFor.add(d);
                }
            });
        }
        for (Deleted deleted : waitFor) {
            awaitGone(deleted, timeout);
        }
        for (ObjectRef ref : rest) {
            delete(ref, ownerLabels).ifPresent(d -> changes.add(d.change()));
        }
        return changes;
    }


    private record Deleted(Change change, ResourceDefinitionContext type, ObjectRef addressed) {
    }

    private Optional<Deleted> delete(ObjectRef ref, Map<String, String> ownerLabels) {
        Optional<ResourceDefinitionContext> type = api.kinds().find(ref);
        if (type.isEmpty()) {
            return Optional.empty(); // its CRD is gone, and with it every object of the kind
        }
        ObjectRef addressed = type.get().isNamespaceScoped() ? ref
                : new ObjectRef(ref.group(), ref.version(), ref.kind(), "", ref.name());
        Optional<Map<String, Object>> live = api.get(type.get(), addressed);
        if (live.isEmpty()) {
            return Optional.empty();
        }
        if ("disabled".equals(Fields.annotation(live.get(), PRUNE_ANNOTATION)) || !owned(live.get(), ownerLabels)) {
            return Optional.of(new Deleted(new Change(ref, Action.SKIPPED), type.get(), addressed));
        }
        try {
            api.object(type.get(), addressed).withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
        } catch (KubernetesClientException e) {
            throw api.failure(ref, e);
        }
        return Optional.of(new Deleted(new Change(ref, Action.DELETED), type.get(), addressed));
    }

    private static boolean owned(Map<String, Object> live, Map<String, String> ownerLabels) {
        Map<String, Object> labels = Fields.map(live, "metadata", "labels");
        return ownerLabels.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    private void awaitGone(Deleted deleted, Duration timeout) {
        ObjectRef ref = deleted.change().object();
        if (!Poll.until(timeout, () -> api.get(deleted.type(), deleted.addressed()).isEmpty())) {
            throw new DeliveryException(Reason.TIMEOUT, ref, "cluster " + api.cluster() + ": " + ref
                    + ": still being deleted after " + timeout.toSeconds() + "s (its finalizers have not finished)", null);
        }
    }
}
