package dev.rset.cli.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ConsoleTest {
    private final StringWriter written = new StringWriter();
    private final Console console = new Console(new PrintWriter(written));

    @Test
    void heldLinesComeAfterTheLineThatReleasesThem() {
        console.line("demo: PR #42 pushed");
        console.hold();
        console.line("reconciled ResourceSet apps/podinfo-previews on default (InputsChanged): ReconciliationSucceeded");
        assertEquals("demo: PR #42 pushed\n", written.toString());
        console.release("  POST /hook/… → 200");
        console.line("demo: PR #42 closed");
        assertEquals("demo: PR #42 pushed\n  POST /hook/… → 200\n"
                + "reconciled ResourceSet apps/podinfo-previews on default (InputsChanged): ReconciliationSucceeded\n"
                + "demo: PR #42 closed\n", written.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void theLastLineOfARunCutShortFollowsWhatWasHeld() {
        console.hold();
        console.line("reconciled ResourceSet apps/podinfo-previews on default (InputsChanged): ReconciliationSucceeded");
        console.last("rset dev: stopped");
        assertEquals("reconciled ResourceSet apps/podinfo-previews on default (InputsChanged): ReconciliationSucceeded\n"
                + "rset dev: stopped\n", written.toString().replace(System.lineSeparator(), "\n"));
    }
}
