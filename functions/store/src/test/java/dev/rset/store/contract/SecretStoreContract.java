package dev.rset.store.contract;

import dev.rset.store.SecretRef;
import dev.rset.store.SecretStore;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What every {@link SecretStore} does: create, update, read, idempotent delete. */
public abstract class SecretStoreContract {
    /** A secret store with no secrets in it. */
    protected abstract SecretStore newStore();

    @Test
    void createUpdateReadDelete() {
        SecretStore store = newStore();
        SecretRef ref = store.put("rset/clusters/prod/kubeconfig", "kubeconfig-v1", "test");
        assertEquals("rset/clusters/prod/kubeconfig", ref.name());
        assertEquals(Optional.of("kubeconfig-v1"), store.get(ref));
        assertEquals(ref, store.put("rset/clusters/prod/kubeconfig", "kubeconfig-v2", "test"));
        assertEquals(Optional.of("kubeconfig-v2"), store.get(ref));
        SecretRef other = store.put("rset/receivers/apps/github", "token", "webhook token");
        store.delete(ref);
        assertEquals(Optional.empty(), store.get(ref));
        store.delete(ref);
        assertEquals(Optional.of("token"), store.get(other));
        assertEquals(Optional.empty(), store.get(new SecretRef("rset/never")));
    }
}
