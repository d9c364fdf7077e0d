package dev.rset.cli.admin;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code rset clusters register|list}. */
@Command(name = "clusters", mixinStandardHelpOptions = true, description = "Register and list target clusters.",
        subcommands = {ClustersCommand.Register.class, ClustersCommand.ListClusters.class})
public final class ClustersCommand {

    /**
     * Builds a Cluster object and applies it (a kubeconfig goes to Secrets Manager on the server
     * side), then has the API connect to it: exit code 1 when the cluster does not answer, though
     * it stays registered.
     */
    @Command(name = "register", mixinStandardHelpOptions = true,
            description = "Register (or update) a cluster: its API server, CA, labels and how to authenticate.")
    public static final class Register extends AdminCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--api-server", required = true, paramLabel = "URL", description = "https:// URL of the API server")
        String apiServer;

        @Option(names = "--ca-file", paramLabel = "FILE", description = "PEM CA bundle of the API server")
        Path caFile;

        @Option(names = "--allow-private-network",
                description = "The API server is on a private network (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7)")
        boolean allowPrivate;

        @Option(names = {"-l", "--label"}, paramLabel = "KEY=VALUE", description = "A label used for placement (repeatable)")
        Map<String, String> labels = new LinkedHashMap<>();

        @ArgGroup(exclusive = true, multiplicity = "1")
        Auth auth;

        static final class Auth {
            @Option(names = "--kubeconfig", paramLabel = "FILE",
                    description = "A kubeconfig whose credentials are stored in Secrets Manager")
            Path kubeconfig;

            @ArgGroup(exclusive = false)
            Eks eks;
        }

        static final class Eks {
            @Option(names = "--eks-cluster", required = true, paramLabel = "NAME", description = "EKS cluster name")
            String cluster;

            @Option(names = "--role-arn", required = true, paramLabel = "ARN", description = "IAM role to assume")
            String roleArn;

            @Option(names = "--eks-region", paramLabel = "REGION", description = "EKS region (default: the API's)")
            String region;
        }

        @Override
        void run(ApiClient api) {
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("server", apiServer);
            if (caFile != null) {
                spec.put("caData", Base64.getEncoder().encodeToString(readBytes(caFile)));
            }
            Map<String, Object> authSpec = new LinkedHashMap<>();
            if (auth.kubeconfig != null) {
                authSpec.put("kubeconfig", Map.of("value", new String(readBytes(auth.kubeconfig),
                        java.nio.charset.StandardCharsets.UTF_8)));
            } else {
                Map<String, Object> eks = new LinkedHashMap<>();
                eks.put("clusterName", auth.eks.cluster);
                eks.put("roleArn", auth.eks.roleArn);
                if (auth.eks.region != null) {
                    eks.put("region", auth.eks.region);
                }
                authSpec.put("eks", eks);
            }
            spec.put("auth", authSpec);
            if (allowPrivate) {
                spec.put("network", Map.of("allowPrivate", true));
            }
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("name", name);
            metadata.put("labels", labels);
            Map<String, Object> cluster = new LinkedHashMap<>();
            cluster.put("apiVersion", "rset.dev/v1alpha1");
            cluster.put("kind", "Cluster");
            cluster.put("metadata", metadata);
            cluster.put("spec", spec);
            Map<String, Object> result = api.json("POST", "/v1/clusters", Map.of(), ApiClient.toJson(cluster),
                    ApiClient.JSON);
            Map<?, ?> item = (Map<?, ?>) ApiClient.items(result).get(0);
            out().println("cluster/" + name + " " + ("created".equals(item.get("action")) ? "registered"
                    : item.get("action")));
            out().flush();
            Map<?, ?> ready = Table.readyCondition(api.json("POST", "/v1/clusters/" + name + "/check", Map.of(), null,
                    null));
            if (ready == null || !"True".equals(ready.get("status"))) {
                // Registered all the same: the cluster may come up later; `rset clusters list` shows the latest check.
                throw new UsageException("cluster/" + name + " is not ready: " + (ready == null ? "no answer"
                        : ready.get("reason") + ": " + ready.get("message")));
            }
            out().println("cluster/" + name + " ready: " + ready.get("message"));
        }

        private static byte[] readBytes(Path p) {
            try {
                return Files.readAllBytes(p);
            } catch (IOException e) {
                throw new UsageException("cannot read " + p + ": " + e.getMessage());
            }
        }
    }

    /** The registered clusters as a table (NAME, AGE, READY, SERVER, AUTH, LABELS, STATUS) or YAML/JSON. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List registered clusters.")
    public static final class ListClusters extends AdminCommand {
        @Option(names = {"-o", "--output"}, defaultValue = "table", paramLabel = "FORMAT")
        OutputFormat output;

        @Override
        void run(ApiClient api) {
            if (output != OutputFormat.table) {
                out().print(api.listAll("/v1/clusters", Map.of(), output));
                out().flush();
                return;
            }
            List<Object> items = ApiClient.items(api.listAll("/v1/clusters", Map.of()));
            if (items.isEmpty()) {
                spec.commandLine().getErr().println("No clusters registered");
                return;
            }
            out().print(Table.clusters(items, Instant.now()));
            out().flush();
        }
    }
}
