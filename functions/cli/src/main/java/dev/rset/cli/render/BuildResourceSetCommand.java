package dev.rset.cli.render;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rset build resourceset}: render a ResourceSet to the objects the Flux Operator would apply.
 * The options here are the ones {@link BuildLine} reads without picocli; a new option goes in both.
 */
@Command(name = "resourceset", aliases = "rset", mixinStandardHelpOptions = true,
        description = "Build a ResourceSet's templates into Kubernetes objects, offline.",
        footer = {"", "Examples:",
            "  rset build resourceset -f my-resourceset.yaml",
            "  rset build resourceset -f my-resourceset.yaml --inputs-from-provider my-provider.yaml",
            "  rset build resourceset -f my-resourceset.yaml --inputs-from my-inputs.yaml",
            "  cat my-resourceset.yaml | rset build rset -f -"})
public final class BuildResourceSetCommand implements Callable<Integer> {
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

    private Map<String, String> env = System.getenv();

    /** The environment the build reads instead of the process's ({@link BuildDeadline}). */
    public void environment(Map<String, String> environment) {
        this.env = environment;
    }

    @Override
    public Integer call() {
        return new ResourceSetBuild(filename, inputsFrom, inputsFromProvider, namespace)
                .run(spec.commandLine().getOut(), spec.commandLine().getErr(), env);
    }
}
