package dev.rset.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rset.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders every folder under {@code examples/} with the arguments in its {@code args} file and
 * compares the objects with its {@code expected.yaml}, written by hand from the documented
 * ResourceSet behaviour.
 */
class ExamplesTest {
    static final Path EXAMPLES = Path.of("../../examples");

    @TestFactory
    Stream<DynamicTest> examplesRenderAsDocumented() throws IOException {
        List<Path> dirs;
        try (Stream<Path> s = Files.list(EXAMPLES)) {
            dirs = s.filter(d -> Files.exists(d.resolve("args"))).sorted().toList();
        }
        assertTrue(dirs.size() >= 7, "examples/ should hold the documented examples, found " + dirs);
        return dirs.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
    }

    private static void check(Path dir) throws IOException {
        String[] args = Files.readString(dir.resolve("args")).trim().split("\\s+");
        List<String> full = new ArrayList<>(List.of("build", "resourceset"));
        full.addAll(List.of(args));
        CliRun run = CliRun.in(dir, full.toArray(String[]::new));
        assertEquals(0, run.exitCode(), () -> "stderr: " + run.stderr());
        assertFalse(run.stderr().contains("unknown field"), "the API would refuse it: " + run.stderr());
        assertEquals(docs(Files.readString(dir.resolve("expected.yaml"))), docs(run.stdout()));
        Path contains = dir.resolve("expected-contains.txt");
        if (Files.exists(contains)) {
            for (String line : Files.readAllLines(contains)) {
                assertTrue(run.stdout().contains(line), "stdout lacks " + line);
            }
        }
    }

    static List<Object> docs(String yaml) {
        List<Object> out = new ArrayList<>();
        new Yaml().loadAll(yaml).forEach(d -> {
            if (d != null) {
                out.add(d);
            }
        });
        return out.stream().filter(Objects::nonNull).toList();
    }
}
