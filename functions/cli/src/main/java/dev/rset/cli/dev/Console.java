package dev.rset.cli.dev;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code rset dev} prints on stdout, one whole line (or block) at a time from any thread. The
 * demo holds the reconcile reports a delivery causes until it printed the webhook's answer, so
 * that its account reads in order however fast the runs are.
 */
final class Console {
    private final PrintWriter out;
    private List<String> held;

    Console(PrintWriter out) {
        this.out = out;
    }

    synchronized void line(String text) {
        if (held != null) {
            held.add(text);
            return;
        }
        out.println(text);
        out.flush();
    }

    /** Keeps what is printed from now on until {@link #release}. */
    synchronized void hold() {
        if (held == null) {
            held = new ArrayList<>();
        }
    }

    /** Prints what was held, then {@code text}, and stops holding: the last words of a run cut short. */
    synchronized void last(String text) {
        List<String> lines = held == null ? List.of() : held;
        held = null;
        lines.forEach(out::println);
        out.println(text);
        out.flush();
    }

    /** Prints {@code first}, then what was held, and stops holding. */
    synchronized void release(String first) {
        List<String> lines = held == null ? List.of() : held;
        held = null;
        out.println(first);
        lines.forEach(out::println);
        out.flush();
    }
}
