package dev.rset.delivery.access;

/**
 * The control plane's rules forbid reaching a cluster this way. {@code field} is where the
 * offending value is, relative to what was checked (a Cluster field such as {@code spec.server},
 * or a path inside a kubeconfig such as {@code users[0].user.exec}); the message never holds a
 * credential.
 */
public class AccessRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String problem;

    public AccessRefusedException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
