package dev.rset.cli.render;

import dev.rset.cli.InputQuoting;
import dev.rset.cli.UserError;
import dev.rset.core.api.InvalidObjectException;
import dev.rset.core.api.ResourceSet;
import dev.rset.core.api.ResourceSetInputProvider;
import dev.rset.core.builder.BuildException;
import dev.rset.core.builder.ResourceSetBuilder;
import dev.rset.core.inputs.InputResolver;
import dev.rset.core.inputs.InputsException;
import dev.rset.core.template.budget.RenderBudget;
import dev.rset.core.template.budget.RenderMeter;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code rset build resourceset}: the files named by its options, read, built and printed.
 * Failures are thrown ({@link UserError} and the core's exceptions) for the caller to report.
 *
 * @param filename the ResourceSet manifest, or {@code -} for stdin
 * @param inputsFrom a YAML list of input sets replacing {@code spec.inputs}, or null
 * @param inputsFromProvider Static ResourceSetInputProvider manifests, or null
 * @param namespace the namespace of a manifest without one, or null for {@code default}
 */
public record ResourceSetBuild(String filename, String inputsFrom, String inputsFromProvider, String namespace) {
    private static final String DEFAULT_NAMESPACE = "default";

    /**
     * Builds, prints the objects to {@code out} and warnings to {@code err}; returns the exit code.
     * {@code env} is the process environment ({@link BuildDeadline#VARIABLE}).
     */
    public int run(PrintWriter out, PrintWriter err, Map<String, String> env) {
        if (filename == null || filename.isEmpty()) {
            throw new UserError("--filename is required");
        }
        RenderBudget budget = BuildDeadline.budget(env);
        ManifestFiles files = new ManifestFiles(err);
        ResourceSet rset = readResourceSet(files);
        InputQuoting.warn(err, filename.equals("-") ? "<stdin>" : filename, rset);
        ObjectPrinter printer = new ObjectPrinter();
        try {
            build(rset, files, printer, budget);
        } catch (BuildException | InputsException | InvalidObjectException e) {
            throw new UserError("ResourceSet " + display(rset) + ": " + e.getMessage());
        }
        // Printed only once everything built, so a failure leaves stdout empty.
        printer.writeTo(out);
        return 0;
    }
    private ResourceSet readResourceSet(ManifestFiles files) {
        Map<String, Object> manifest = files.readFirstDocument(filename, "ResourceSet");
        ResourceSet rset;
        try {
            rset = ResourceSet.from(manifest);
        } catch (InvalidObjectException e) {
            throw new UserError(e.getMessage());
        }
        // As the Flux Operator CLI: the manifest's namespace, else --namespace, else "default".
        if (rset.namespace().isEmpty()) {
            rset = rset.withNamespace(namespace != null && !namespace.isEmpty() ? namespace : DEFAULT_NAMESPACE);
        }
        return rset;
    }

    private void build(ResourceSet rset, ManifestFiles files, ObjectPrinter printer, RenderBudget budget) {
        if (!rset.spec().inputsFrom().isEmpty() && inputsFrom == null && inputsFromProvider == null) {
            throw new UserError("ResourceSet has '.spec.inputsFrom', please provide the inputs with "
                    + "--inputs-from or --inputs-from-provider");
        }
        if (inputsFrom != null) {
            rset = rset.withSpec(rset.spec().withInputs(files.readInputSets(inputsFrom)));
        }
        List<ResourceSetInputProvider> providers = List.of();
        Map<String, List<Map<String, Object>>> exported = new LinkedHashMap<>();
        if (inputsFromProvider != null) {
            List<ResourceSetInputProvider> all = files.readStaticProviders(inputsFromProvider, rset.namespace());
            providers = InputResolver.select(rset, all);
            for (ResourceSetInputProvider p : providers) {
                // Offline there is no UID, so the Flux CLI derives a Static provider's id from its name.
                exported.put(p.name(), p.spec().defaultValues().isEmpty()
                        ? List.of() : List.of(InputResolver.staticInputs(p, p.name())));
            }
        }
        List<Map<String, Object>> inputs = InputResolver.combine(rset, providers, exported);
        ResourceSetBuilder.build(rset, inputs, RenderMeter.start(budget), printer);
        if (printer.objects() == 0) {
            throw new BuildException("no objects were generated");
        }
    }

    private static String display(ResourceSet rset) {
        return rset.namespace() + "/" + rset.name();
    }
}
