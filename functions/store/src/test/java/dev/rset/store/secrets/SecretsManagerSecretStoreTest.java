package dev.rset.store.secrets;

import dev.rset.store.SecretRef;
import dev.rset.store.testing.MotoServer;
import dev.rset.store.testing.TestTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

@ExtendWith(MotoServer.class)
class SecretsManagerSecretStoreTest {
    @Test
    void createUpdateReadDelete(MotoServer moto) {
        SecretsManagerSecretStore store = new SecretsManagerSecretStore(TestTables.secrets(moto));
        SecretRef ref = store.put("rset/clusters/prod/kubeconfig", "kubeconfig-v1", "test");
        assertEquals("rset/clusters/prod/kubeconfig", ref.name());
        assertEquals(Optional.of("kubeconfig-v1"), store.get(ref));
        assertEquals(ref, store.put("rset/clusters/prod/kubeconfig", "kubeconfig-v2", "test"));
        assertEquals(Optional.of("kubeconfig-v2"), store.get(ref));
        store.delete(ref);
        assertEquals(Optional.empty(), store.get(ref));
        store.delete(ref);
    }

    @Test
    void aDeletedSecretStaysRecoverableForTheWindowAndReadsAsAbsent(MotoServer moto) {
        var client = TestTables.secrets(moto);
        SecretsManagerSecretStore store = new SecretsManagerSecretStore(client);
        SecretRef ref = store.put("rset/clusters/recover/kubeconfig", "kubeconfig-v1", "test");
        store.delete(ref);
        assertNotNull(client.describeSecret(b -> b.secretId(ref.name())).deletedDate(),
                "scheduled for deletion, not deleted without recovery");
        assertEquals(Optional.empty(), store.get(ref));
        store.delete(ref);
        client.restoreSecret(b -> b.secretId(ref.name()));
        assertEquals(Optional.of("kubeconfig-v1"), store.get(ref));
    }
}
