package dev.rset.bench;

import dev.rset.core.api.ResourceSet;
import dev.rset.core.builder.BuildResult;
import dev.rset.core.builder.ResourceSetBuilder;
import dev.rset.core.builder.TemplateRenderer;
import dev.rset.core.template.Template;
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
 * A 200-line {@code resourcesTemplate} (ranges, conditionals, sprig calls, toYaml) for one input
 * set, parsed on every operation as a reconcile of a freshly loaded ResourceSet does.
 * {@link #parseAndRender()} is the template alone: parse, then execute to text (goal: at least
 * 5,000 per second on one core). {@link #build()} is the whole build on top of it: reading the
 * rendered YAML back into objects, de-duplication and metadata.
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
    public String parseAndRender() {
        Template template = TemplateRenderer.parse(rset.spec().resourcesTemplate());
        return TemplateRenderer.execute(template, inputs.get(0));
    }

    @Benchmark
    public BuildResult build() {
        BuildResult r = ResourceSetBuilder.build(rset, inputs);
        if (r.objects().size() != expectedObjects) {
            throw new IllegalStateException("object count changed");
        }
        return r;
    }
}
