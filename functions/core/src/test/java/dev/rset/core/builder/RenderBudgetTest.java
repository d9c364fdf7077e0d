package dev.rset.core.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rset.core.api.ManifestSchemas;
import dev.rset.core.api.ResourceSet;
import dev.rset.core.inputs.InputResolver;
import dev.rset.core.template.budget.RenderBudget;
import dev.rset.core.template.budget.RenderMeter;
import dev.rset.core.yaml.GoYaml;
import dev.rset.core.yaml.GoYamlException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The inputs of issue #11 that exhausted the heap, the stack or the clock: each now fails with a
 * clear error naming the resource, and a normal build succeeds right after in the same JVM.
 */
class RenderBudgetTest {
    /** Guards against a hang only, for the cases below that are not the issue's own. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);
    /**
     * Issue #11's bound for each of its inputs, on the wall clock: the default budget stops them
     * at a size limit (value, list, nesting, objects) long before its deadline, in milliseconds.
     */
    private static final Duration ISSUE_BOUND = Duration.ofSeconds(2);

    /** Loads and compiles the engine once, so that no case pays the first build's cost. */
    @BeforeAll
    static void warmUp() {
        assertHealthy();
    }

    @SuppressWarnings("unchecked")
    private static ResourceSet rset(String spec) {
        String manifest = "apiVersion: fluxcd.controlplane.io/v1\nkind: ResourceSet\n"
                + "metadata:\n  name: rs\n  namespace: ns\nspec:\n" + spec;
        return ResourceSet.from((Map<String, Object>) GoYaml.readManifest(manifest, ManifestSchemas.ALL)
                .documents().get(0));
    }

    private static BuildResult build(ResourceSet rset, RenderBudget budget) {
        return ResourceSetBuilder.build(rset, InputResolver.combine(rset, List.of(), Map.of()), budget);
    }

    /** A ConfigMap whose data value is {@code template}, quoted as YAML. */
    private static String configMapWith(String template) {
        return """
                  inputs: [{t: a}]
                  resources:
                    - apiVersion: v1
                      kind: ConfigMap
                      metadata: {name: cm}
                      data:
                        x: '%s'
                """.formatted(template.replace("'", "''"));
    }

    private static String failure(Supplier<BuildResult> build) {
        return failure(HANG_GUARD, build);
    }

    /** One of the issue's inputs: it fails within {@link #ISSUE_BOUND}. */
    private static String issueFailure(Supplier<BuildResult> build) {
        return failure(ISSUE_BOUND, build);
    }

    private static String failure(Duration bound, Supplier<BuildResult> build) {
        BuildException e = assertTimeoutPreemptively(bound, () -> assertThrows(BuildException.class, build::get));
        assertHealthy();
        return e.getMessage();
    }

    /** A normal build right after: the JVM has its heap and stack back. */
    private static void assertHealthy() {
        BuildResult ok = build(rset(configMapWith("<< inputs.t | upper >>")), RenderBudget.DEFAULT);
        assertEquals("A", ((Map<?, ?>) ok.objects().get(0).get("data")).get("x"));
    }

    @Test
    void selfRecursiveTemplateDoublingItsArgumentStopsAtTheValueLimit() {
        String msg = issueFailure(() -> build(rset(configMapWith(
                "<<define \"r\">><<template \"r\" (printf \"%v%v\" . .)>><<end>><<template \"r\" \"x\">>")),
                RenderBudget.DEFAULT));
        assertTrue(msg.startsWith("failed to build resources[0]: failed to execute template: template: resourceset:"),
                msg);
        assertTrue(msg.contains("executing \"r\" at <printf \"%v%v\" . .>: render budget exceeded: a value of "
                + (32L << 20) + " bytes, over the 16 MiB limit for one value"), msg);
    }

    @Test
    void repeatOfABillionIsRefusedBeforeAllocating() {
        String msg = issueFailure(() -> build(rset(configMapWith("<< repeat 1000000000 \"x\" >>")),
                RenderBudget.DEFAULT));
        assertEquals("failed to build resources[0]: failed to execute template: template: resourceset:3:8: "
                + "executing \"resourceset\" at <repeat 1000000000 \"x\">: render budget exceeded: a value of "
                + "1000000000 bytes, over the 16 MiB limit for one value", msg);
    }

    @Test
    void indentOfABillionIsRefusedBeforeAllocating() {
        String msg = issueFailure(() -> build(rset(configMapWith("<< indent 1000000000 \"x\" >>")),
                RenderBudget.DEFAULT));
        assertTrue(msg.endsWith("executing \"resourceset\" at <indent 1000000000 \"x\">: render budget exceeded: "
                + "a value of 1000000001 bytes, over the 16 MiB limit for one value"), msg);
    }

    @Test
    void nindentPrintfReplaceJoinAndCatAreMeteredToo() {
        for (String t : List.of("<< nindent 20000000 \"x\" >>", "<< $s := repeat 10000000 \"s\" >><< printf \"%s%s\" $s $s >>",
                "<< replace \"x\" (repeat 1000 \"y\") (repeat 100000 \"x\") >>",
                "<< join (repeat 10000 \"s\") (until 10000) >>",
                "<< $s := repeat 10000000 \"s\" >><< cat $s $s >>",
                "<< $s := repeat 10000000 \"s\" >><< quote $s $s >>")) {
            String msg = failure(() -> build(rset(configMapWith(t)), RenderBudget.DEFAULT));
            assertTrue(msg.contains("render budget exceeded: a value of "), t + ": " + msg);
        }
    }

    @Test
    void valuesBuiltFromSharedPartsAreChargedAtTheirWrittenOutSize() {
        // 2^40 leaves if written out: refused as it is built, before toYaml or printf could try.
        String msg = failure(() -> build(rset(configMapWith(
                "<< $d := dict \"a\" \"x\" >><< range until 40 >><< $d = dict \"a\" $d \"b\" $d >><< end >>"
                        + "<< toYaml $d >>")), RenderBudget.DEFAULT));
        assertTrue(msg.contains("at <dict \"a\" $d \"b\" $d>: render budget exceeded: a value of "), msg);
        // A cycle made with set is bounded the same way when it is printed.
        String cycle = failure(() -> build(rset(configMapWith(
                "<< $d := dict >><< $_ := set $d \"self\" $d >><< range until 30 >><< $_ := set $d \"x\" "
                        + "(list $d $d) >><< end >><< printf \"%v\" $d >>")), RenderBudget.DEFAULT));
        assertTrue(cycle.contains("render budget exceeded: ") || cycle.contains("stack overflow")
                || cycle.contains("exceeded maximum template depth"), cycle);
    }

    @Test
    void valuesNestedDeeperThanYamlAllowsFailCleanly() {
        for (String f : List.of("toYaml", "mustToYaml", "toJson", "mustToJson", "printf \"%v\"", "toString")) {
            String msg = failure(() -> build(rset(configMapWith("<< $x := dict >><< range until 20000 >>"
                    + "<< $x = dict \"a\" $x >><< end >><< " + f + " $x >>")), RenderBudget.DEFAULT));
            assertTrue(msg.endsWith("executing \"resourceset\" at <dict \"a\" $x>: render budget exceeded: "
                    + "a value nested more than 1000 deep"), f + ": " + msg);
        }
    }

    @Test
    void rangeOverTenMillionIsRefusedAtTheListLimit() {
        String msg = issueFailure(() -> build(rset(configMapWith("<< range until 10000000 >>x<< end >>")),
                RenderBudget.DEFAULT));
        assertTrue(msg.endsWith("executing \"resourceset\" at <until 10000000>: render budget exceeded: "
                + "a list of 10000000 elements, over the limit of 1000000"), msg);
    }

    @Test
    void rangeOverAnIntegerStopsAtTheStepLimit() {
        String msg = failure(() -> build(rset(configMapWith("<< range 1000000000 >><< end >>")),
                RenderBudget.DEFAULT.withMaxSteps(100_000)));
        assertTrue(msg.contains("render budget exceeded: more than 100000 steps"), msg);
    }

    @Test
    void buildingLargeValuesInALoopCostsSteps() {
        // Each value is under the limit, but a million of them would take minutes: steps stop it.
        String msg = failure(() -> build(rset(configMapWith(
                "<< range 1000000 >><< $_ := repeat 10000000 \"x\" >><< end >>")), RenderBudget.DEFAULT));
        assertTrue(msg.endsWith("at <repeat 10000000 \"x\">: render budget exceeded: more than 25000000 steps"), msg);
    }

    @Test
    void outputIsCountedOverTheWholeBuildNotPerInputSet() {
        List<Map<String, Object>> sets = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            sets.add(new LinkedHashMap<>(Map.of("t", "tenant" + i)));
        }
        ResourceSet big = rset(configMapWith("<< repeat 1000 inputs.t >>")).withSpec(
                rset(configMapWith("<< inputs.t >>-<< repeat 1000 \"x\" >>")).spec().withInputs(sets));
        RenderBudget budget = RenderBudget.DEFAULT.withMaxOutputBytes(50_000);
        String msg = failure(() -> build(big, budget));
        assertTrue(msg.startsWith("failed to build resources[0]: failed to execute template: "), msg);
        assertTrue(msg.endsWith("render budget exceeded: output over 50000 bytes"), msg);
        // Each input set alone is far below the limit: it is the sum that fails.
        assertEquals(1, build(big.withSpec(big.spec().withInputs(sets.subList(0, 1))), budget).objects().size());
    }

    @Test
    void templateCallsNestOnlyAsDeepAsTheBudgetAllows() {
        String deep = "<<define \"d\">><<if gt . 0>><<template \"d\" (sub . 1)>><<end>><<end>><<template \"d\" %d>>ok";
        BuildResult ok = build(rset(configMapWith(deep.formatted(190))), RenderBudget.DEFAULT);
        assertEquals("ok", ((Map<?, ?>) ok.objects().get(0).get("data")).get("x"));
        String msg = failure(() -> build(rset(configMapWith(deep.formatted(5000))), RenderBudget.DEFAULT));
        assertTrue(msg.contains("executing \"d\" at <{{template \"d\" (sub . 1)}}>: render budget exceeded: "
                + "templates nested more than 200 deep"), msg);
    }

    /** {@code resourcesPerSet} ConfigMaps for each of {@code sets} tenants. */
    private static ResourceSet tenants(int sets, int resourcesPerSet) {
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (int i = 0; i < sets; i++) {
            inputs.add(new LinkedHashMap<>(Map.of("tenant", "team" + i)));
        }
        StringBuilder resources = new StringBuilder("  resources:\n");
        for (int r = 0; r < resourcesPerSet; r++) {
            resources.append("    - {apiVersion: v1, kind: ConfigMap, metadata: {name: \"<< inputs.tenant >>-")
                    .append(r).append("\"}, data: {tenant: \"<< inputs.tenant | quote >>\"}}\n");
        }
        ResourceSet r = rset(resources.toString());
        return r.withSpec(r.spec().withInputs(inputs));
    }

    @Test
    void tenThousandInputSetsTimesTwentyResourcesAreRefusedBeforeRendering() {
        ResourceSet big = tenants(10_000, 20);
        List<Map<String, Object>> inputs = InputResolver.combine(big, List.of(), Map.of());
        String msg = issueFailure(() -> ResourceSetBuilder.build(big, inputs, RenderBudget.DEFAULT));
        assertEquals("failed to build resources: render budget exceeded: 10000 input sets x 20 resources make "
                + "200000 objects, over the limit of 100000", msg);
        // The limit is the product, not either factor: the benchmark's 10,000 x 2 builds.
        assertEquals(20_000, build(tenants(10_000, 2), RenderBudget.DEFAULT).objects().size());
    }

    @Test
    void documentsOfATemplateCountAsTheyAreRendered() {
        List<Map<String, Object>> sets = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            sets.add(new LinkedHashMap<>(Map.of("t", "t" + i)));
        }
        ResourceSet r = rset("""
                  inputs: [{t: a}]
                  resourcesTemplate: |
                    << range until 20 >>
                    ---
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: "<< inputs.t >>-<< . >>"}
                    << end >>
                """);
        ResourceSet many = r.withSpec(r.spec().withInputs(sets));
        String msg = failure(() -> build(many, RenderBudget.DEFAULT.withMaxObjects(1_000)));
        assertEquals("failed to build resources: failed to read objects from multi-doc YAML: "
                + "render budget exceeded: more than 1000 objects", msg);
        assertEquals(2_000, build(many, RenderBudget.DEFAULT.withMaxObjects(2_000)).objects().size());
    }

    @Test
    void theDeadlineStopsABuildThatRunsTooLong() {
        // A clock that advances one second per reading: deterministic, unlike waiting.
        AtomicLong now = new AtomicLong();
        RenderMeter meter = RenderMeter.start(RenderBudget.DEFAULT.withTimeout(Duration.ofSeconds(10)),
                () -> now.getAndAdd(1_000_000_000L));
        ResourceSet r = rset(configMapWith("<< range 100000 >><< end >>"));
        String msg = failure(() -> ResourceSetBuilder.build(r, InputResolver.combine(r, List.of(), Map.of()), meter));
        assertTrue(msg.contains("render budget exceeded: rendering took longer than 10s"), msg);
    }

    @Test
    void theBudgetCoversAllResourcesAndTheTemplate() {
        RenderBudget budget = RenderBudget.DEFAULT.withMaxSteps(5_000);
        ResourceSet r = rset("""
                  inputs: [{t: a}]
                  resources:
                    - {apiVersion: v1, kind: ConfigMap, metadata: {name: "a"}, data: {x: "<< range 3000 >><< end >>"}}
                  resourcesTemplate: |
                    apiVersion: v1
                    kind: ConfigMap
                    metadata:
                      name: b<< range 3000 >><< end >>
                """);
        String msg = failure(() -> build(r, budget));
        assertTrue(msg.startsWith("failed to build resources: failed to execute multi-doc YAML template: "), msg);
        assertTrue(msg.endsWith("render budget exceeded: more than 5000 steps"), msg);
    }

    @Test
    void yamlNestedThreeThousandDeepIsAClearErrorNotAStackOverflow() {
        int n = 3000;
        String flow = "a: " + "[".repeat(n) + "]".repeat(n) + "\n";
        StringBuilder block = new StringBuilder();
        for (int i = 0; i < n; i++) {
            block.append(" ".repeat(i)).append("k:\n");
        }
        block.append(" ".repeat(n)).append("v\n");
        GoYamlException e1 = assertTimeoutPreemptively(ISSUE_BOUND,
                () -> assertThrows(GoYamlException.class, () -> GoYaml.unmarshal(flow)));
        assertEquals("error converting YAML to JSON: yaml: line 1: exceeded max depth of 1000", e1.getMessage());
        GoYamlException e2 = assertTimeoutPreemptively(ISSUE_BOUND,
                () -> assertThrows(GoYamlException.class, () -> GoYaml.unmarshal(block.toString())));
        assertEquals("error converting YAML to JSON: yaml: line 1001: exceeded max depth of 1000", e2.getMessage());
        // A rendered template that nests too deep fails the build the same way.
        String msg = issueFailure(() -> build(rset("""
                  inputs: [{t: a}]
                  resourcesTemplate: |
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: deep}
                    data: << repeat 3000 "[" >><< repeat 3000 "]" >>
                """), RenderBudget.DEFAULT));
        assertTrue(msg.startsWith("failed to build resources: failed to read objects from multi-doc YAML: "), msg);
        assertTrue(msg.endsWith("exceeded max depth of 1000"), msg);
        // Nesting at the limit still reads, and writes back.
        Object atLimit = GoYaml.unmarshal("[".repeat(1000) + "]".repeat(1000));
        assertEquals(atLimit, GoYaml.unmarshal(GoYaml.marshal(atLimit)));
    }

    @Test
    void deeplyNestedJsonIsRefusedWithGoWords() {
        String msg = failure(() -> build(rset(configMapWith(
                "<< mustFromJson (printf \"%s%s\" (repeat 3000 \"[\") (repeat 3000 \"]\")) >>")),
                RenderBudget.DEFAULT));
        assertTrue(msg.endsWith("error calling mustFromJson: invalid character '[' exceeded max depth"), msg);
    }
}
