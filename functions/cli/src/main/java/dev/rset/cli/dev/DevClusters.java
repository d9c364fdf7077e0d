package dev.rset.cli.dev;

import dev.rset.core.api.Cluster;
import dev.rset.delivery.ClusterConnector;
import dev.rset.delivery.ClusterSession;
import dev.rset.delivery.Identity;
import dev.rset.delivery.directory.DirectoryCluster;
import java.nio.file.Path;
import java.util.Map;

/**
 * How {@code rset dev} reaches clusters: the ones it made as local directories by name (never
 * from anything a Cluster object says, so an applied Cluster cannot point the control plane at an
 * arbitrary path), every other registered Cluster through the real connector.
 */
final class DevClusters implements ClusterConnector {
    private final Map<String, Path> directories;
    private final ClusterConnector clusters;

    DevClusters(Map<String, Path> directories, ClusterConnector clusters) {
        this.directories = Map.copyOf(directories);
        this.clusters = clusters;
    }

    @Override
    public ClusterSession open(Cluster cluster, Identity identity) {
        Path dir = directories.get(cluster.name());
        return dir != null ? new DirectoryCluster(cluster.name(), dir) : clusters.open(cluster, identity);
    }
}
