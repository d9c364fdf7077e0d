package dev.rset.cli;

import dev.rset.core.api.InvalidObjectException;
import dev.rset.core.api.ResourceSet;
import dev.rset.core.builder.lint.UnquotedInput;
import dev.rset.core.builder.lint.UnquotedInputs;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code rset build} and {@code rset apply} warn on stderr where a ResourceSet prints a provider's
 * branch, title, author or tag unquoted ({@link UnquotedInputs}); the object is still built or
 * applied, as the Flux Operator would.
 */
public final class InputQuoting {
    private InputQuoting() {
    }

    /**
     * Warns about {@code document} from {@code file} if it is a valid ResourceSet; anything else is
     * left to others. Returns the warnings' messages (the API's answer repeats them).
     */
    public static List<String> warn(PrintWriter err, String file, Object document) {
        if (!(document instanceof Map<?, ?> m) || !ResourceSet.KIND.equals(m.get("kind"))) {
            return List.of();
        }
        ResourceSet rset;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> manifest = (Map<String, Object>) m;
            rset = ResourceSet.from(manifest);
        } catch (InvalidObjectException | ClassCastException e) {
            return List.of();
        }
        return warn(err, file, rset);
    }

    public static List<String> warn(PrintWriter err, String file, ResourceSet rset) {
        List<String> messages = new ArrayList<>();
        for (UnquotedInput u : UnquotedInputs.in(rset)) {
            err.println("warning: " + file + ": ResourceSet " + rset.name() + ": " + u.message());
            messages.add(u.message());
        }
        err.flush();
        return messages;
    }
}
