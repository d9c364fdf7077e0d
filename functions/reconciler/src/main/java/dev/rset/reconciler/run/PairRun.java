package dev.rset.reconciler.run;

import dev.rset.core.api.Annotations;
import dev.rset.core.api.Cluster;
import dev.rset.core.api.GoDurations;
import dev.rset.core.api.ResourceSet;
import dev.rset.core.inputs.InputsException;
import dev.rset.delivery.ApplyOptions;
import dev.rset.delivery.Change;
import dev.rset.delivery.ClusterConnector;
import dev.rset.delivery.ClusterSession;
import dev.rset.delivery.DeliveryException;
import dev.rset.delivery.Identities;
import dev.rset.delivery.Identity;
import dev.rset.reconciler.PairReconciler.Outcome;
import dev.rset.reconciler.dependencies.DependencyCheck;
import dev.rset.reconciler.inputs.ResourceSetInputs;
import dev.rset.reconciler.inventory.InventoryDiff;
import dev.rset.reconciler.render.RenderCache;
import dev.rset.reconciler.render.Rendered;
import dev.rset.reconciler.status.PairStatus;
import dev.rset.reconciler.status.RunReport;
import dev.rset.store.Condition;
import dev.rset.store.Inventory;
import dev.rset.store.InventoryEntry;
import dev.rset.store.InventoryKey;
import dev.rset.store.InventoryStore;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of a ResourceSet on a cluster it is placed on: inputs, render (shared through the
 * cache), {@code dependsOn}, apply step by step, garbage collection of what left the inventory
 * (only after every step succeeded), the new inventory, and the pair's status.
 */
public final class PairRun {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    /** What the run needs besides the ResourceSet. */
    public record Context(ResourceSetInputs inputs, RenderCache renders, InventoryStore inventories,
            ClusterConnector connector, Identities identities, Clock clock) {
    }

    private final Context ctx;
    private final ResourceSet rset;
    private final long generation;
    private final Cluster cluster;
    private final PairStatus status;
    private final Instant started;

    public PairRun(Context ctx, ResourceSet rset, long generation, Cluster cluster, PairStatus status) {
        this.ctx = ctx;
        this.rset = rset;
        this.generation = generation;
        this.cluster = cluster;
        this.status = status;
        this.started = ctx.clock().instant();
    }

    public Outcome run() {
        List<Map<String, Object>> inputSets;
        try {
            inputSets = ctx.inputs().of(rset);
        } catch (InputsException e) {
            return finish(failed(Condition.REASON_FAILED, e.getMessage(), false, ""), true);
        }
        Rendered rendered = ctx.renders().render(rset, generation, inputSets);
        if (rendered instanceof Rendered.Failed f) {
            return finish(failed(Condition.REASON_BUILD_FAILED, f.message(), true, ""), false);
        }
        Rendered.Built built = (Rendered.Built) rendered;
        Duration timeout;
        try {
            timeout = timeout(rset);
        } catch (IllegalArgumentException e) {
            return finish(failed(Condition.REASON_FAILED, "metadata.annotations[" + Annotations.RECONCILE_TIMEOUT
                    + "]: " + e.getMessage(), true, built.digest()), false);
        }
        Identity identity = identity(rset, ctx.identities());
        try (ClusterSession session = ctx.connector().open(cluster, identity)) {
            List<String> unmet = DependencyCheck.unmet(rset.spec().dependsOn(), session::get);
            if (!unmet.isEmpty()) {
                return finish(failed(Condition.REASON_DEPENDENCY_NOT_READY, String.join("; ", unmet), false,
                        built.digest()), true);
            }
            return deliver(session, built, new StepRunner.Settings(rset.spec().waitForHealth(), timeout,
                    new ApplyOptions(ApplyOptions.FIELD_MANAGER, ownerLabels(rset), timeout), identity));
        } catch (DeliveryException e) {
            return finish(failed(FailureMessages.reason(e), FailureMessages.message(e, cluster.name(), identity),
                    false, built.digest()), true);
        }
    }

    private Outcome deliver(ClusterSession session, Rendered.Built built, StepRunner.Settings settings) {
        ObjectKey key = new ObjectKey(Kind.RESOURCE_SET, rset.namespace(), rset.name());
        InventoryKey own = new InventoryKey(key, rset.metadata().uid(), cluster.name());
        Inventory previous = ctx.inventories().get(own);
        Map<InventoryKey, Inventory> earlier = new LinkedHashMap<>();
        for (InventoryKey k : ctx.inventories().list(key)) {
            if (k.cluster().equals(cluster.name()) && !k.uid().equals(own.uid())) {
                earlier.put(k, ctx.inventories().get(k));
            }
        }
        Delivered delivered = StepRunner.run(session, built.result(), settings, status::progress);
        List<InventoryEntry> applied = InventoryDiff.entries(delivered.attempted());
        List<Change> changes = new ArrayList<>(delivered.changes());
        if (delivered instanceof Delivered.Failed f) {
            List<InventoryEntry> kept = InventoryDiff.union(previous.entries(), applied);
            writeInventory(own, previous, kept);
            return finish(report(f.reason(), f.message(), built, kept.size(), changes), true);
        }
        List<InventoryEntry> before = new ArrayList<>(previous.entries());
        earlier.values().forEach(i -> before.addAll(i.entries()));
        try {
            changes.addAll(session.prune(InventoryDiff.stale(before, applied), settings.options().ownerLabels(),
                    settings.timeout()));
        } catch (DeliveryException e) {
            List<InventoryEntry> kept = InventoryDiff.union(previous.entries(), applied);
            writeInventory(own, previous, kept);
            return finish(report(FailureMessages.reason(e), "garbage collection failed: "
                    + FailureMessages.message(e, cluster.name(), settings.identity()), built, kept.size(), changes),
                    true);
        }
        writeInventory(own, previous, applied);
        earlier.forEach((k, inv) -> ctx.inventories().delete(k, inv.version()));
        Duration took = Duration.between(started, ctx.clock().instant());
        return finish(report("True", Condition.REASON_SUCCEEDED, "Reconciliation finished in "
                + GoDurations.format(took), built, applied.size(), changes), false);
    }

    /** A steady state writes nothing: the inventory is rewritten only when it changed. */
    private void writeInventory(InventoryKey key, Inventory previous, List<InventoryEntry> entries) {
        if (!previous.entries().equals(entries) || previous.version() == 0) {
            ctx.inventories().put(key, entries, previous.version());
        }
    }

    private RunReport report(String reason, String message, Rendered.Built built, long count, List<Change> changes) {
        return report(Condition.REASON_SUCCEEDED.equals(reason) ? "True" : "False", reason, message, built, count,
                changes);
    }

    private RunReport report(String ready, String reason, String message, Rendered.Built built, long count,
            List<Change> changes) {
        List<String> lines = changes.stream().filter(c -> c.action() != Change.Action.UNCHANGED)
                .map(Change::toString).toList();
        Map<String, String> metadata = Map.of("resources", Long.toString(built.result().objects().size()));
        return new RunReport(ready, reason, message, false, built.digest(), true, took(), count, lines, metadata);
    }

    private RunReport failed(String reason, String message, boolean stalled, String digest) {
        return new RunReport("False", reason, message, stalled, digest, false, took(), -1, List.of(), Map.of());
    }

    private Duration took() {
        return Duration.between(started, ctx.clock().instant());
    }

    private Outcome finish(RunReport report, boolean retry) {
        status.finished(report);
        if (report.recordHistory()) {
            dev.rset.ops.Metrics.count("ObjectsApplied", Long.parseLong(report.metadata().getOrDefault("resources",
                    "0")));
            dev.rset.ops.Metrics.count("ObjectsPruned", report.changes().stream().filter(c -> c.endsWith(" deleted"))
                    .count());
        }
        return new Outcome(report.ready(), report.reason(), report.message(), retry);
    }

    /** Who the ResourceSet's requests are made as ({@code spec.serviceAccountName} or the default). */
    public static Identity identity(ResourceSet rset, Identities identities) {
        String sa = rset.spec().serviceAccountName();
        return identities.of(rset.namespace(), sa == null ? "" : sa);
    }

    public static Duration timeout(ResourceSet rset) {
        String text = rset.metadata().annotation(Annotations.RECONCILE_TIMEOUT);
        return text == null || text.isEmpty() ? DEFAULT_TIMEOUT : GoDurations.parse(text);
    }

    public static Map<String, String> ownerLabels(ResourceSet rset) {
        return ownerLabels(rset.namespace(), rset.name());
    }

    public static Map<String, String> ownerLabels(String namespace, String name) {
        return Map.of(Annotations.OWNER_NAME_LABEL, name, Annotations.OWNER_NAMESPACE_LABEL, namespace);
    }
}
