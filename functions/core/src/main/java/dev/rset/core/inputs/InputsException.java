package dev.rset.core.inputs;

/** Inputs that cannot be combined, e.g. too many permutations. */
public class InputsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputsException(String message) {
        super(message);
    }
}
