package dev.rset.store.secrets;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.rset.store.SecretRef;
import dev.rset.store.SecretStore;
import dev.rset.store.StoredJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Secrets for {@code rset dev}: a JSON file (name to value and description) that only its owner
 * may read (mode 0600), or the environment. {@code RSET_SECRET_<NAME>} (the name upper-cased,
 * every other character than a letter or digit as {@code _}) overrides the file, so that a
 * token can be given without writing it to disk; such a secret cannot be deleted from here.
 * Values never appear in exceptions: errors name the file and the secret only.
 */
public final class FileSecretStore implements SecretStore {
    public static final String ENV_PREFIX = "RSET_SECRET_";
    /** The file's name under {@code rset dev}'s state directory. */
    public static final String FILE_NAME = "secrets.json";
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);
    private static final TypeReference<TreeMap<String, Entry>> FILE = new TypeReference<>() { };

    /** One secret in the file. */
    public record Entry(String value, String description) {
    }

    private final Path file;
    private final Map<String, String> env;

    public FileSecretStore(Path file, Map<String, String> env) {
        this.file = file;
        this.env = Map.copyOf(env);
    }

    /** The secrets of {@code rset dev}: {@code <stateDir>/secrets.json}, overridden by {@code env}. */
    public static FileSecretStore inStateDir(Path stateDir, Map<String, String> env) {
        return new FileSecretStore(stateDir.resolve(FILE_NAME), env);
    }

    /** The environment variable that overrides the secret {@code name}. */
    public static String envName(String name) {
        StringBuilder b = new StringBuilder(ENV_PREFIX);
        for (char c : name.toUpperCase(Locale.ROOT).toCharArray()) {
            b.append((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? c : '_');
        }
        return b.toString();
    }

    @Override
    public synchronized SecretRef put(String name, String value, String description) {
        SecretRef ref = new SecretRef(name);
        TreeMap<String, Entry> all = read();
        all.put(name, new Entry(value, description == null ? "" : description));
        write(all);
        return ref;
    }

    @Override
    public synchronized Optional<String> get(SecretRef ref) {
        String fromEnv = env.get(envName(ref.name()));
        if (fromEnv != null) {
            return Optional.of(fromEnv);
        }
        return Optional.ofNullable(read().get(ref.name())).map(Entry::value);
    }

    @Override
    public synchronized void delete(SecretRef ref) {
        TreeMap<String, Entry> all = read();
        if (all.remove(ref.name()) != null) {
            write(all);
        }
    }

    private TreeMap<String, Entry> read() {
        if (!Files.exists(file)) {
            return new TreeMap<>();
        }
        String text;
        try {
            if (posix()) {
                Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
                if (!OWNER_ONLY.containsAll(mode)) {
                    throw new IllegalStateException("secrets file " + file + " may be read by others (mode "
                            + PosixFilePermissions.toString(mode) + "): run chmod 600 " + file);
                }
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read secrets file " + file, e);
        }
        try {
            return StoredJson.read(text, FILE);
        } catch (IllegalStateException corrupt) {
            // the parser's message may quote the file's content: name the file only
            throw new IllegalStateException("secrets file " + file + " is not valid JSON");
        }
    }

    /** Written to a new owner-only file beside it, then moved over it: a reader never sees half a file. */
    private void write(TreeMap<String, Entry> all) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = posix()
                    ? Files.createTempFile(dir, ".secrets", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                    : Files.createTempFile(dir, ".secrets", ".tmp");
            try {
                Files.writeString(tmp, StoredJson.write(all), StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write secrets file " + file, e);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
