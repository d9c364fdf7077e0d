package dev.rset.reconciler.run;

import dev.rset.delivery.DeliveryException;
import dev.rset.delivery.Identity;
import dev.rset.store.Condition;

/** A delivery failure as the status reports it: the Flux reason and a message naming the cluster. */
public final class FailureMessages {
    private FailureMessages() {
    }

    public static String reason(DeliveryException e) {
        return e.reason() == DeliveryException.Reason.HEALTH_CHECK_FAILED
                ? Condition.REASON_HEALTH_CHECK_FAILED : Condition.REASON_FAILED;
    }

    public static String message(DeliveryException e, String cluster, Identity identity) {
        String text = e.getMessage() == null ? e.reason().name() : e.getMessage();
        String prefix = "cluster " + cluster + ": ";
        if (text.startsWith(prefix)) {
            text = text.substring(prefix.length());
        }
        return switch (e.reason()) {
            case UNREACHABLE -> "cluster " + cluster + " is unreachable: " + text;
            case REFUSED_ACCESS -> "access to cluster " + cluster + " refused: " + text;
            case FORBIDDEN -> "Forbidden: " + (identity.impersonates() ? identity.userName() : "the control plane")
                    + " may not do this on cluster " + cluster + ": " + text;
            case REJECTED, HEALTH_CHECK_FAILED, TIMEOUT -> prefix + text;
        };
    }
}
