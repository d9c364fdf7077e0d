package dev.rset.bench;

import dev.rset.core.api.ResourceSet;
import dev.rset.core.builder.BuildResult;
import dev.rset.core.builder.ResourceSetBuilder;
import dev.rset.core.inputs.InputResolver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * The "per-tenant" ResourceSet of the API reference (an OCIRepository and a HelmRelease per
 * tenant) built for 10,000 input sets on one thread: one operation is a whole build, so the
 * score is the time to render 20,000 objects. Goal: under 1 s after warm-up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx1g", "-XX:ActiveProcessorCount=1"})
@Threads(1)
public class PerTenantRenderBenchmark {
    static final int INPUT_SETS = 10_000;
    private ResourceSet rset;
    private List<Map<String, Object>> inputs;

    @Setup
    public void setUp() {
        rset = ResourceSet.from(Fixtures.manifest("per-tenant.yaml"));
        List<Map<String, Object>> sets = new ArrayList<>(INPUT_SETS);
        for (int i = 0; i < INPUT_SETS; i++) {
            Map<String, Object> app = new LinkedHashMap<>();
            app.put("version", "6." + (i % 10) + ".x");
            app.put("replicas", (long) (i % 5 + 1));
            Map<String, Object> set = new LinkedHashMap<>();
            set.put("tenant", "team" + i);
            set.put("app", app);
            sets.add(set);
        }
        rset = rset.withSpec(rset.spec().withInputs(sets));
        inputs = InputResolver.combine(rset, List.of(), Map.of());
    }

    @Benchmark
    public BuildResult build() {
        BuildResult r = ResourceSetBuilder.build(rset, inputs);
        if (r.objects().size() != 2 * INPUT_SETS) {
            throw new IllegalStateException("expected " + 2 * INPUT_SETS + " objects, got " + r.objects().size());
        }
        return r;
    }
}
