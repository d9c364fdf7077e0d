package dev.rset.store.secrets;

import dev.rset.store.SecretRef;
import dev.rset.store.SecretStore;
import dev.rset.store.contract.SecretStoreContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileSecretStoreTest extends SecretStoreContract {
    @TempDir
    Path dir;

    @Override
    protected SecretStore newStore() {
        return FileSecretStore.inStateDir(dir.resolve("state"), Map.of());
    }

    @Test
    void theFileIsTheOwnersAloneAndKeptAcrossInstances() throws IOException {
        Path file = dir.resolve("state").resolve(FileSecretStore.FILE_NAME);
        newStore().put("rset/receivers/apps/github", "s3cret", "webhook token");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(Optional.of("s3cret"),
                new FileSecretStore(file, Map.of()).get(new SecretRef("rset/receivers/apps/github")));
        try (var leftovers = Files.list(file.getParent())) {
            assertEquals(1, leftovers.count(), "no temporary file is left beside it");
        }
    }

    @Test
    void theEnvironmentOverridesTheFile() {
        Path file = dir.resolve("secrets.json");
        assertEquals("RSET_SECRET_RSET_RECEIVERS_APPS_GITHUB", FileSecretStore.envName("rset/receivers/apps/github"));
        FileSecretStore store = new FileSecretStore(file,
                Map.of("RSET_SECRET_RSET_RECEIVERS_APPS_GITHUB", "from-env"));
        SecretRef ref = store.put("rset/receivers/apps/github", "from-file", "");
        assertEquals(Optional.of("from-env"), store.get(ref));
        store.delete(ref);
        assertEquals(Optional.of("from-env"), store.get(ref), "an environment secret cannot be deleted from here");
        assertFalse(Files.exists(file) && readable(file).contains("from-file"));
    }

    @Test
    void aFileOthersMayReadIsRefusedWithoutShowingAnyValue() throws IOException {
        Path file = dir.resolve("secrets.json");
        FileSecretStore store = new FileSecretStore(file, Map.of());
        SecretRef ref = store.put("token", "s3cret", "");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.get(ref));
        assertTrue(e.getMessage().contains("chmod 600 " + file), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"));

        Files.writeString(file, "{\"token\": s3cret");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        IllegalStateException corrupt = assertThrows(IllegalStateException.class, () -> store.get(ref));
        assertEquals("secrets file " + file + " is not valid JSON", corrupt.getMessage());
        assertEquals(null, corrupt.getCause());
    }

    private static String readable(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
