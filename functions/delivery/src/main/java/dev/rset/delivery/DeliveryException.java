package dev.rset.delivery;

/**
 * A delivery step that failed, with the reason the status reports. The message names the cluster
 * and, where one is at fault, the object and the API server's own words; it never holds
 * credentials.
 */
public class DeliveryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** The cluster could not be reached, or refused our credentials. */
        UNREACHABLE,
        /** The cluster's address or kubeconfig is not allowed by the control plane's rules. */
        REFUSED_ACCESS,
        /** The (impersonated) identity may not do this: RBAC said Forbidden. */
        FORBIDDEN,
        /** The API server rejected an object (validation, unknown kind, immutable field). */
        REJECTED,
        /** Objects did not become healthy in time. */
        HEALTH_CHECK_FAILED,
        /** Waiting for something (CRD established, deletion) ran out of time. */
        TIMEOUT
    }

    private final Reason reason;
    private final transient ObjectRef object;

    public DeliveryException(Reason reason, ObjectRef object, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.object = object;
    }

    public DeliveryException(Reason reason, String message) {
        this(reason, null, message, null);
    }

    public Reason reason() {
        return reason;
    }

    /** The object at fault, or null when the failure is the cluster's as a whole. */
    public ObjectRef object() {
        return object;
    }
}
