package dev.rset.reconciler.notify;

import dev.rset.forge.notify.Notice;
import dev.rset.reconciler.render.Rendered;
import dev.rset.store.ClusterStatus;
import dev.rset.store.Condition;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a ResourceSet's environments are across the clusters it is placed on: {@code success} when
 * every placed cluster is Ready with the current build applied, {@code failure} when the build
 * failed or any cluster's last run failed (the reasons, per cluster), {@code pending} otherwise.
 */
record EnvironmentState(Notice.Phase phase, String reason, List<Notice.ClusterState> clusters) {
    static EnvironmentState pending(List<String> placed) {
        return new EnvironmentState(Notice.Phase.PENDING, "",
                placed.stream().map(c -> new Notice.ClusterState(c, "pending", "", 0)).toList());
    }

    static EnvironmentState of(List<String> placed, List<ClusterStatus> pairs, String uid, Rendered rendered) {
        if (rendered instanceof Rendered.Failed f) {
            return new EnvironmentState(Notice.Phase.FAILURE, f.message(),
                    placed.stream().map(c -> new Notice.ClusterState(c, "failed", f.message(), 0)).toList());
        }
        String digest = ((Rendered.Built) rendered).digest();
        List<Notice.ClusterState> clusters = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        int ready = 0;
        for (String cluster : placed) {
            ClusterStatus p = pairs.stream().filter(s -> s.cluster().equals(cluster) && s.uid().equals(uid))
                    .findFirst().orElse(null);
            String readyStatus = p == null ? "" : p.status().condition(Condition.READY).map(Condition::status).orElse("");
            if ("True".equals(readyStatus) && digest.equals(p.lastAppliedRevision())) {
                clusters.add(new Notice.ClusterState(cluster, "ready", "", p.inventoryCount()));
                ready++;
            } else if ("False".equals(readyStatus)) {
                String why = p.lastError().isEmpty()
                        ? p.status().condition(Condition.READY).map(Condition::message).orElse("") : p.lastError();
                clusters.add(new Notice.ClusterState(cluster, "failed", why, p.inventoryCount()));
                failures.add(placed.size() == 1 ? why : "cluster " + cluster + ": " + why);
            } else {
                clusters.add(new Notice.ClusterState(cluster, "pending", "", p == null ? 0 : p.inventoryCount()));
            }
        }
        Notice.Phase phase = !failures.isEmpty() ? Notice.Phase.FAILURE
                : ready == placed.size() ? Notice.Phase.SUCCESS : Notice.Phase.PENDING;
        return new EnvironmentState(phase, String.join("; ", failures), clusters);
    }
}
