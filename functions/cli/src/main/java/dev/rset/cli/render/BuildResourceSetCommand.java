package dev.rset.cli.render;

import dev.rset.cli.InputQuoting;
import dev.rset.cli.UserError;
import dev.rset.core.api.InvalidObjectException;
import dev.rset.core.api.ResourceSet;
import dev.rset.core.api.ResourceSetInputProvider;
import dev.rset.core.builder.BuildException;
import dev.rset.core.builder.BuildResult;
import dev.rset.core.builder.ResourceSetBuilder;
import dev.rset.core.inputs.InputResolver;
import dev.rset.core.inputs.InputsException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rset build resourceset}: render a ResourceSet to the objects the Flux Operator would apply. */
@Command(name = "resourceset", aliases = "rset", mixinStandardHelpOptions = true,
        description = "Build a ResourceSet's templates into Kubernetes objects, offline.",
        footer = {"", "Examples:",
            "  rset build resourceset -f my-resourceset.yaml",
            "  rset build resourceset -f my-resourceset.yaml --inputs-from-provider my-provider.yaml",
            "  rset build resourceset -f my-resourceset.yaml --inputs-from my-inputs.yaml",
            "  cat my-resourceset.yaml | rset build rset -f -"})
public final class BuildResourceSetCommand implements Callable<Integer> {
    private static final String DEFAULT_NAMESPACE = "default";

    @Spec
    private CommandSpec spec;

    @Option(names = {"-f", "--filename"}, description = "Path to the ResourceSet YAML manifest, or - for stdin.")
    private String filename;

    @Option(names = {"-i", "--inputs-from"}, description = "Path to a YAML list of input sets; replaces spec.inputs.")
    private String inputsFrom;

    @Option(names = "--inputs-from-provider",
            description = "Path to Static ResourceSetInputProvider manifests to read inputs from.")
    private String inputsFromProvider;

    @Option(names = {"-n", "--namespace"},
            description = "Namespace of the ResourceSet when its manifest has none (default: default).")
    private String namespace;

    @Override
    public Integer call() {
        if (filename == null || filename.isEmpty()) {
            throw new UserError("--filename is required");
        }
        ManifestFiles files = new ManifestFiles(spec.commandLine().getErr());
        ResourceSet rset = readResourceSet(files);
        InputQuoting.warn(spec.commandLine().getErr(), filename.equals("-") ? "<stdin>" : filename, rset);
        BuildResult result;
        try {
            result = build(rset, files);
        } catch (BuildException | InputsException | InvalidObjectException e) {
            throw new UserError("ResourceSet " + display(rset) + ": " + e.getMessage());
        }
        // Printed only once everything built, so a failure leaves stdout empty; printing the
        // built objects cannot fail, so they go out one by one rather than as one string.
        PrintWriter out = spec.commandLine().getOut();
        ObjectPrinter.print(result, out);
        out.flush();
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

    private BuildResult build(ResourceSet rset, ManifestFiles files) {
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
        BuildResult result = ResourceSetBuilder.build(rset, inputs);
        if (result.objects().isEmpty()) {
            throw new BuildException("no objects were generated");
        }
        return result;
    }

    private static String display(ResourceSet rset) {
        return rset.namespace() + "/" + rset.name();
    }
}
