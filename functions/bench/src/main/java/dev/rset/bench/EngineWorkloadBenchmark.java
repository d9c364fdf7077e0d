package dev.rset.bench;

import dev.rset.core.api.ManifestSchemas;
import dev.rset.core.api.ResourceSet;
import dev.rset.core.builder.BuildSink;
import dev.rset.core.builder.ResourceSetBuilder;
import dev.rset.core.inputs.InputResolver;
import dev.rset.core.template.budget.RenderBudget;
import dev.rset.core.template.budget.RenderMeter;
import dev.rset.core.yaml.GoYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The three workloads of {@code functions/bench/engine-compare.sh}, warm: what {@code rset build
 * resourceset} does once the JVM is up (read the manifest, combine the inputs, build, print each
 * object as YAML), so the steady state of a warm Lambda container beside the cold-process figures.
 * The 1k and 10k files are read from {@code -Dbench.dir} (default {@code ../shared/bench}, from
 * the repository root); run from there:
 * {@code java -jar functions/bench/target/benchmarks.jar EngineWorkload}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx512m", "-XX:ActiveProcessorCount=1"})
@Threads(1)
public class EngineWorkloadBenchmark {
    @Param({"small", "1k-template", "10k"})
    public String workload;

    private String manifest;

    @Setup
    public void setUp() throws IOException {
        String dir = System.getProperty("bench.dir", "../shared/bench");
        Path file = switch (workload) {
            case "small" -> Path.of("examples/per-tenant/resourceset.yaml");
            case "1k-template" -> Path.of(dir, "tenants-1k-template.yaml");
            case "10k" -> Path.of(dir, "podinfo-10k.yaml");
            default -> throw new IllegalArgumentException("unknown workload " + workload);
        };
        manifest = Files.readString(file);
    }

    @Benchmark
    @SuppressWarnings("unchecked")
    public int build() {
        Map<String, Object> doc = (Map<String, Object>) GoYaml.readManifest(manifest, ManifestSchemas.ALL)
                .documents().get(0);
        ResourceSet rset = ResourceSet.from(doc);
        List<Map<String, Object>> inputs = InputResolver.combine(rset, List.of(), Map.of());
        StringBuilder text = new StringBuilder();
        ResourceSetBuilder.build(rset, inputs, RenderMeter.start(RenderBudget.DEFAULT), new BuildSink() {
            @Override
            public void step(String name, String timeout) {
            }

            @Override
            public void object(Map<String, Object> object) {
                text.append("---\n").append(GoYaml.marshal(object));
            }
        });
        return text.length();
    }
}
