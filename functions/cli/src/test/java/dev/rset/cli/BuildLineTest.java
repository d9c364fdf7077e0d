package dev.rset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.rset.cli.render.BuildLine;
import dev.rset.cli.render.ResourceSetBuild;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build lines read without picocli, and that they get picocli's answers. */
class BuildLineTest {
    @TempDir
    Path dir;

    @Test
    void readsTheOptionsInEveryPlainSpelling() {
        assertEquals(new ResourceSetBuild("a.yaml", "in.yaml", "p.yaml", "apps"),
                BuildLine.parse("build", "resourceset", "-f", "a.yaml", "-i", "in.yaml",
                        "--inputs-from-provider", "p.yaml", "-n", "apps"));
        assertEquals(new ResourceSetBuild("-", "in.yaml", null, "apps"),
                BuildLine.parse("build", "rset", "--namespace=apps", "--filename", "-", "--inputs-from=in.yaml"));
        assertEquals(new ResourceSetBuild(null, null, null, null), BuildLine.parse("build", "resourceset"));
    }

    @Test
    void leavesEverythingElseToPicocli() {
        List<String[]> lines = List.of(
                new String[] {"build"},
                new String[] {"get", "resourceset", "-f", "a.yaml"},
                new String[] {"build", "resourceset", "-h"},
                new String[] {"build", "resourceset", "--help"},
                new String[] {"build", "resourceset", "-f"},
                new String[] {"build", "resourceset", "-f", "a.yaml", "-f", "b.yaml"},
                new String[] {"build", "resourceset", "-f", "a.yaml", "--filename=b.yaml"},
                new String[] {"build", "resourceset", "-f=a.yaml"},
                new String[] {"build", "resourceset", "-fa.yaml"},
                new String[] {"build", "resourceset", "-f", "-n"},
                new String[] {"build", "resourceset", "-f", ""},
                new String[] {"build", "resourceset", "@args.txt"},
                new String[] {"build", "resourceset", "-f", "@a.yaml"},
                new String[] {"build", "resourceset", "--", "-f", "a.yaml"},
                new String[] {"build", "resourceset", "--unknown", "x"},
                new String[] {"build", "resourceset", "-f", "a.yaml", "extra"});
        for (String[] line : lines) {
            assertNull(BuildLine.parse(line), String.join(" ", line));
        }
    }

    @Test
    void answersAsPicocliDoes() throws IOException {
        Path ok = Files.writeString(dir.resolve("ok.yaml"), """
                apiVersion: fluxcd.controlplane.io/v1
                kind: ResourceSet
                metadata:
                  name: demo
                spec:
                  inputs:
                    - tenant: a
                  resources:
                    - apiVersion: v1
                      kind: ConfigMap
                      metadata:
                        name: cm-<< inputs.tenant >>
                """);
        Path broken = Files.writeString(dir.resolve("broken.yaml"), """
                apiVersion: fluxcd.controlplane.io/v1
                kind: ResourceSet
                metadata:
                  name: demo
                spec:
                  resources:
                    - apiVersion: v1
                      kind: ConfigMap
                      metadata:
                        name: cm-<< inputs.tenant
                """);
        List<String[]> lines = List.of(
                new String[] {"build", "resourceset", "-f", ok.toString()},
                new String[] {"build", "rset", "--filename=" + ok.toString(), "-n", "apps"},
                new String[] {"build", "resourceset", "-f", broken.toString()},
                new String[] {"build", "resourceset", "-f", dir.resolve("missing.yaml").toString()},
                new String[] {"build", "resourceset", "-f", ok.toString(), "-i", dir.resolve("none.yaml").toString()},
                new String[] {"build", "resourceset"});
        for (String[] line : lines) {
            assertEquals(run(true, line), run(false, line), String.join(" ", line));
        }
    }

    private static CliRun run(boolean fast, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true);
        int code = fast ? Main.run(o, e, args) : Main.runCommandLine(o, e, args);
        return new CliRun(code, out.toString(), err.toString());
    }

    @Test
    void picocliReadsTheBuildDeadlineFromTheSameEnvironment() throws IOException {
        Files.writeString(dir.resolve("rset.yaml"), """
                apiVersion: fluxcd.controlplane.io/v1
                kind: ResourceSet
                metadata: {name: app, namespace: apps}
                spec:
                  resources:
                    - {apiVersion: v1, kind: ConfigMap, metadata: {name: cm}}
                """);
        String[] args = {"build", "resourceset", "-f", dir.resolve("rset.yaml").toString()};
        java.util.Map<String, String> env = java.util.Map.of("RSET_BUILD_DEADLINE", "soon");
        StringWriter fast = new StringWriter();
        StringWriter slow = new StringWriter();
        assertEquals(1, Main.run(env, new PrintWriter(new StringWriter()), new PrintWriter(fast, true), args));
        assertEquals(1, Main.runCommandLine(env, new PrintWriter(new StringWriter()), new PrintWriter(slow, true), args));
        assertEquals("error: RSET_BUILD_DEADLINE: time: invalid duration \"soon\"\n", fast.toString());
        assertEquals(fast.toString(), slow.toString());
    }
}
