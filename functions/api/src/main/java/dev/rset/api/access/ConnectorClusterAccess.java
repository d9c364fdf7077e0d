package dev.rset.api.access;

import dev.rset.api.resources.ClusterAccess;
import dev.rset.core.api.Cluster;
import dev.rset.core.api.InvalidObjectException;
import dev.rset.delivery.DeliveryException;
import dev.rset.delivery.access.AccessRefusedException;
import dev.rset.delivery.access.ClusterClients;
import dev.rset.delivery.access.RegistrationChecks;

/** {@link ClusterAccess} by delivery's access rules and its fabric8 clients. */
public final class ConnectorClusterAccess implements ClusterAccess {
    private final RegistrationChecks checks;
    private final ClusterClients clients;

    public ConnectorClusterAccess(RegistrationChecks checks, ClusterClients clients) {
        this.checks = checks;
        this.clients = clients;
    }

    @Override
    public void admit(Cluster cluster) {
        try {
            checks.check(cluster);
        } catch (AccessRefusedException e) {
            throw new InvalidObjectException("Cluster " + cluster.name() + ": " + e.getMessage());
        }
    }

    @Override
    public Readiness probe(Cluster cluster) {
        try {
            return new Readiness(true, "Connected", "Kubernetes " + clients.serverVersion(cluster));
        } catch (DeliveryException e) {
            String reason = switch (e.reason()) {
                case REFUSED_ACCESS -> "AccessRefused";
                case FORBIDDEN -> "Forbidden";
                default -> "ConnectionFailed";
            };
            return new Readiness(false, reason, e.getMessage());
        }
    }
}
