package dev.rset.cli.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static dev.rset.core.api.NestedFields.dig;

/** kubectl-style tables: upper-case headers, columns padded to the widest cell plus three spaces. */
final class Table {
    private Table() {
    }

    static String render(List<String> headers, List<List<String>> rows) {
        int[] width = new int[headers.size()];
        for (int i = 0; i < headers.size(); i++) {
            width[i] = headers.get(i).length();
            for (List<String> row : rows) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        List<List<String>> all = new ArrayList<>();
        all.add(headers);
        all.addAll(rows);
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == row.size() - 1 ? row.get(i) : pad(row.get(i), width[i] + 3));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** The rows of {@code rset get}: NAME, AGE, READY, STATUS (NAMESPACE first across namespaces). */
    static String objects(List<Object> items, boolean withNamespace, Instant now) {
        return named(items, withNamespace, now, List.of("READY", "STATUS"), m -> {
            Map<?, ?> ready = readyCondition(m);
            boolean suspended = "disabled".equalsIgnoreCase(
                    str(dig(m, "metadata", "annotations", "fluxcd.controlplane.io/reconcile")));
            return List.of(ready == null ? "Unknown" : str(ready.get("status")),
                    suspended ? "Reconciliation suspended"
                            : ready == null ? "Waiting for the first reconciliation" : str(ready.get("message")));
        });
    }

    /**
     * The rows of {@code rset get receivers}: NAME, AGE, READY, TYPE, WEBHOOK PATH (Flux's
     * {@code status.webhookPath}; the Ready message where the receiver has no token yet).
     */
    static String receivers(List<Object> items, boolean withNamespace, Instant now) {
        return named(items, withNamespace, now, List.of("READY", "TYPE", "WEBHOOK PATH"), m -> {
            Map<?, ?> ready = readyCondition(m);
            Object path = dig(m, "status", "webhookPath");
            return List.of(ready == null ? "Unknown" : str(ready.get("status")), str(dig(m, "spec", "type")),
                    path != null ? str(path) : ready == null ? "" : str(ready.get("message")));
        });
    }

    /** [NAMESPACE,] NAME, AGE, then {@code columns} of each item under {@code headers}. */
    private static String named(List<Object> items, boolean withNamespace, Instant now, List<String> headers,
            Function<Map<?, ?>, List<String>> columns) {
        List<String> all = new ArrayList<>(List.of("NAME", "AGE"));
        all.addAll(headers);
        if (withNamespace) {
            all.add(0, "NAMESPACE");
        }
        List<List<String>> rows = new ArrayList<>();
        for (Object o : items) {
            Map<?, ?> m = (Map<?, ?>) o;
            List<String> row = new ArrayList<>();
            if (withNamespace) {
                row.add(str(dig(m, "metadata", "namespace")));
            }
            row.add(str(dig(m, "metadata", "name")));
            row.add(age(str(dig(m, "metadata", "creationTimestamp")), now));
            row.addAll(columns.apply(m));
            rows.add(row);
        }
        return render(all, rows);
    }

    /**
     * The rows of {@code rset clusters list}: NAME, AGE, READY (the last connectivity check),
     * SERVER, AUTH, LABELS, STATUS (the check's message).
     */
    static String clusters(List<Object> items, Instant now) {
        List<List<String>> rows = new ArrayList<>();
        for (Object o : items) {
            Map<?, ?> m = (Map<?, ?>) o;
            Object labels = dig(m, "metadata", "labels");
            String auth = dig(m, "spec", "auth", "eks") != null
                    ? "eks:" + str(dig(m, "spec", "auth", "eks", "clusterName")) : "kubeconfig";
            Map<?, ?> ready = readyCondition(m);
            rows.add(List.of(str(dig(m, "metadata", "name")), age(str(dig(m, "metadata", "creationTimestamp")), now),
                    ready == null ? "Unknown" : str(ready.get("status")), str(dig(m, "spec", "server")), auth,
                    labels instanceof Map<?, ?> l ? labels(l) : "<none>",
                    ready == null ? "Not checked yet" : str(ready.get("message"))));
        }
        return render(List.of("NAME", "AGE", "READY", "SERVER", "AUTH", "LABELS", "STATUS"), rows);
    }

    /** kubectl's short ages: 45s, 12m, 5h, 3d, 2y. */
    static String age(String timestamp, Instant now) {
        if (timestamp.isEmpty()) {
            return "<unknown>";
        }
        Duration d = Duration.between(Instant.parse(timestamp), now);
        long s = Math.max(0, d.getSeconds());
        if (s < 120) {
            return s + "s";
        }
        if (s < 120 * 60) {
            return s / 60 + "m";
        }
        if (s < 48 * 3600) {
            return s / 3600 + "h";
        }
        if (s < 2 * 365 * 86400L) {
            return s / 86400 + "d";
        }
        return s / (365 * 86400L) + "y";
    }

    private static String labels(Map<?, ?> labels) {
        if (labels.isEmpty()) {
            return "<none>";
        }
        List<String> parts = new ArrayList<>();
        new java.util.TreeMap<>(labels).forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(",", parts);
    }

    static Map<?, ?> readyCondition(Map<?, ?> m) {
        if (dig(m, "status", "conditions") instanceof List<?> conditions) {
            for (Object c : conditions) {
                if (c instanceof Map<?, ?> cm && "Ready".equals(cm.get("type"))) {
                    return cm;
                }
            }
        }
        return null;
    }


    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
