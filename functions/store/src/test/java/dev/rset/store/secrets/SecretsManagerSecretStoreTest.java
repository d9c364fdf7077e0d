package dev.rset.store.secrets;

import dev.rset.store.SecretRef;
import dev.rset.store.SecretStore;
import dev.rset.store.contract.SecretStoreContract;
import dev.rset.store.testing.MotoServer;
import dev.rset.store.testing.TestTables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

@ExtendWith(MotoServer.class)
class SecretsManagerSecretStoreTest extends SecretStoreContract {
    static SecretsManagerClient client;

    @BeforeAll
    static void client(MotoServer moto) {
        client = TestTables.secrets(moto);
    }

    @Override
    protected SecretStore newStore() {
        return new SecretsManagerSecretStore(client);
    }

    @Test
    void aDeletedSecretStaysRecoverableForTheWindowAndReadsAsAbsent() {
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
