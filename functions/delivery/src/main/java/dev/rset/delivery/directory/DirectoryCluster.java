package dev.rset.delivery.directory;

import dev.rset.delivery.ApplyOptions;
import dev.rset.delivery.Change;
import dev.rset.delivery.ClusterSession;
import dev.rset.delivery.DeliveryException;
import dev.rset.delivery.Health;
import dev.rset.delivery.ObjectRef;
import dev.rset.delivery.apply.ApplyOrder;
import dev.rset.core.yaml.GoYaml;
import dev.rset.core.yaml.GoYamlException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A cluster that is a directory: each applied object is a YAML file at
 * {@code <root>/<namespace>/<Kind>[.<group>]/<name>.yaml} ({@code _cluster} for cluster-scoped
 * objects), written atomically; pruned objects' files are removed. It lets {@code rset dev} show
 * the whole flow with no Kubernetes at all. Files have no status, so every object is healthy
 * as soon as it is written. Object identities come from rendered templates, that is from
 * webhook payloads: they are checked against Kubernetes' name rules before they become paths.
 */
public final class DirectoryCluster implements ClusterSession {
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");
    private static final Pattern KIND = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,62}");
    private static final Pattern GROUP = Pattern.compile("([a-z0-9]([-a-z0-9]*[a-z0-9])?)(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final String CLUSTER_SCOPED = "_cluster";

    private final String name;
    private final Path root;

    public DirectoryCluster(String name, Path root) {
        this.name = name;
        this.root = root;
    }

    @Override
    public String cluster() {
        return name;
    }

    public Path root() {
        return root;
    }

    @Override
    public List<Change> apply(List<Map<String, Object>> objects, ApplyOptions options) {
        List<Map<String, Object>> ordered = new ArrayList<>(objects);
        // Flux's order, with "namespaced" read from the object since a directory has no discovery.
        ordered.sort(Comparator.comparing((Map<String, Object> o) -> stage(ObjectRef.of(o)))
                .thenComparing(ObjectRef::of, ApplyOrder.REFS));
        List<Change> changes = new ArrayList<>();
        for (Map<String, Object> object : ordered) {
            ObjectRef ref = ObjectRef.of(object);
            Path file = path(ref);
            String yaml = GoYaml.marshal(object);
            Optional<String> current = read(file);
            if (current.isPresent() && current.get().equals(yaml)) {
                changes.add(new Change(ref, Change.Action.UNCHANGED));
                continue;
            }
            write(file, yaml);
            changes.add(new Change(ref, current.isEmpty() ? Change.Action.CREATED : Change.Action.CONFIGURED));
        }
        return changes;
    }

    private static ApplyOrder.Stage stage(ObjectRef ref) {
        return ApplyOrder.Stage.of(ref.group(), ref.kind(), !ref.namespace().isEmpty());
    }

    @Override
    public List<Change> prune(List<ObjectRef> stale, Map<String, String> ownerLabels, Duration timeout) {
        List<ObjectRef> ordered = new ArrayList<>(stale);
        // Namespaced objects go before the namespaces that hold them.
        ordered.sort(Comparator.comparingInt((ObjectRef r) -> r.namespace().isEmpty() ? 1 : 0));
        List<Change> changes = new ArrayList<>();
        for (ObjectRef ref : ordered) {
            Path file = path(ref);
            Optional<Map<String, Object>> current = get(ref);
            if (current.isEmpty()) {
                continue;
            }
            if (!owned(current.get(), ownerLabels) || pruneDisabled(current.get())) {
                changes.add(new Change(ref, Change.Action.SKIPPED));
                continue;
            }
            try {
                Files.deleteIfExists(file);
                deleteEmptyParents(file.getParent());
            } catch (IOException e) {
                throw failure(ref, "delete", e);
            }
            changes.add(new Change(ref, Change.Action.DELETED));
        }
        return changes;
    }

    @Override
    public Health waitForHealthy(List<ObjectRef> objects, Duration timeout) {
        return Health.HEALTHY;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<Map<String, Object>> get(ObjectRef object) {
        Optional<String> text = read(path(object));
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of((Map<String, Object>) GoYaml.unmarshal(text.get()));
        } catch (GoYamlException | ClassCastException e) {
            throw new DeliveryException(DeliveryException.Reason.REJECTED, object,
                    "cluster " + name + ": " + object + ": the file " + path(object) + " is not an object", e);
        }
    }

    @Override
    public void close() {
        // nothing held open
    }

    private Path path(ObjectRef ref) {
        check(ref, "metadata.name", ref.name(), NAME);
        if (!ref.namespace().isEmpty()) {
            check(ref, "metadata.namespace", ref.namespace(), NAME);
        }
        check(ref, "kind", ref.kind(), KIND);
        if (!ref.group().isEmpty()) {
            check(ref, "apiVersion", ref.group(), GROUP);
        }
        String type = ref.group().isEmpty() ? ref.kind() : ref.kind() + "." + ref.group();
        return root.resolve(ref.namespace().isEmpty() ? CLUSTER_SCOPED : ref.namespace()).resolve(type)
                .resolve(ref.name() + ".yaml");
    }

    private void check(ObjectRef ref, String field, String value, Pattern rule) {
        if (!rule.matcher(value).matches()) {
            throw new DeliveryException(DeliveryException.Reason.REJECTED, ref, "cluster " + name + ": " + ref + ": "
                    + field + " \"" + value + "\" is not a valid Kubernetes name", null);
        }
    }

    private static boolean owned(Map<String, Object> object, Map<String, String> ownerLabels) {
        Map<?, ?> labels = nested(object, "metadata", "labels");
        return ownerLabels.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    private static boolean pruneDisabled(Map<String, Object> object) {
        return "disabled".equals(nested(object, "metadata", "annotations").get("fluxcd.controlplane.io/prune"));
    }

    private static Map<?, ?> nested(Map<String, Object> object, String a, String b) {
        return object.get(a) instanceof Map<?, ?> m && m.get(b) instanceof Map<?, ?> inner ? inner : Map.of();
    }

    private Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cluster " + name + ": cannot read " + file, e);
        }
    }

    private void write(Path file, String yaml) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".apply-", ".tmp");
            Files.writeString(tmp, yaml, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cluster " + name + ": cannot write " + file, e);
        }
    }

    private void deleteEmptyParents(Path dir) throws IOException {
        for (Path d = dir; d != null && d.startsWith(root) && !d.equals(root); d = d.getParent()) {
            try (var entries = Files.list(d)) {
                if (entries.findAny().isPresent()) {
                    return;
                }
            }
            Files.delete(d);
        }
    }

    private DeliveryException failure(ObjectRef ref, String what, IOException e) {
        return new DeliveryException(DeliveryException.Reason.REJECTED, ref,
                "cluster " + name + ": cannot " + what + " " + ref + ": " + e.getMessage(), e);
    }
}
