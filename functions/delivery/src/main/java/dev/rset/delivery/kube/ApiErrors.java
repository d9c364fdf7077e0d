package dev.rset.delivery.kube;

import dev.rset.delivery.DeliveryException;
import dev.rset.delivery.DeliveryException.Reason;
import dev.rset.delivery.ObjectRef;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;

/** Turns the API server's refusals into {@link DeliveryException}s that keep the server's own words. */
public final class ApiErrors {
    private ApiErrors() {
    }

    public static DeliveryException of(String cluster, ObjectRef object, KubernetesClientException e) {
        int code = e.getCode();
        Reason reason = switch (code) {
            case 403 -> Reason.FORBIDDEN;
            case 400, 404, 405, 409, 415, 422 -> Reason.REJECTED;
            default -> Reason.UNREACHABLE;
        };
        String what = object == null ? "" : object + ": ";
        String verdict = switch (reason) {
            case FORBIDDEN -> "forbidden";
            case REJECTED -> "rejected";
            default -> "failed";
        };
        return new DeliveryException(reason, object,
                "cluster " + cluster + ": " + what + verdict + ": " + serverMessage(e), e);
    }

    /** The message of the server's Status, without the request line fabric8 wraps around it. */
    public static String serverMessage(KubernetesClientException e) {
        Status status = e.getStatus();
        if (status != null && status.getMessage() != null && !status.getMessage().isBlank()) {
            return status.getMessage();
        }
        return e.getCode() > 0 ? "HTTP " + e.getCode() : rootMessage(e);
    }

    /** The API server says an update would change a field that cannot change after creation. */
    public static boolean immutable(KubernetesClientException e) {
        return e.getCode() == 422 && serverMessage(e).contains("field is immutable");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
