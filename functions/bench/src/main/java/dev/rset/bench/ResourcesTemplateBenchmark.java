package dev.rset.bench;

import dev.rset.core.api.ResourceSet;
import dev.rset.core.build.BuildResult;
import dev.rset.core.build.ResourceSetBuilder;
import dev.rset.core.inputs.InputResolver;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse and render a 200-line {@code resourcesTemplate} (ranges, conditionals, sprig calls,
 * toYaml) for one input set, as a reconcile of a freshly loaded ResourceSet does: the template
 * is parsed on every operation. Goal: at least 5,000 operations per second on one core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx512m", "-XX:ActiveProcessorCount=1"})
@Threads(1)
public class ResourcesTemplateBenchmark {
    private ResourceSet rset;
    private List<Map<String, Object>> inputs;
    private int expectedObjects;

    @Setup
    public void setUp() {
        rset = ResourceSet.from(Fixtures.manifest("template-200-lines.yaml"));
        if (rset.spec().resourcesTemplate().lines().count() < 200) {
            throw new IllegalStateException("the fixture template must have at least 200 lines");
        }
        inputs = InputResolver.combine(rset, List.of(), Map.of());
        expectedObjects = ResourceSetBuilder.build(rset, inputs).objects().size();
    }

    @Benchmark
    public BuildResult parseAndRender() {
        BuildResult r = ResourceSetBuilder.build(rset, inputs);
        if (r.objects().size() != expectedObjects) {
            throw new IllegalStateException("object count changed");
        }
        return r;
    }
}
