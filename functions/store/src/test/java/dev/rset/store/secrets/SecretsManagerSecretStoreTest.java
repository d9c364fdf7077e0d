package dev.rset.store.secrets;

import dev.rset.store.SecretStore;
import dev.rset.store.contract.SecretStoreContract;
import dev.rset.store.testing.MotoServer;
import dev.rset.store.testing.TestTables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

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
}
