package dev.rset.reconciler.lambda;

import dev.rset.delivery.Identity;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WiringIdentityTest {
    @Test
    void theDefaultServiceAccountComesFromTheEnvironment() {
        assertEquals(Identity.CONTROL_PLANE, Wiring.defaultIdentity(Map.of()));
        assertEquals(Identity.serviceAccount("rset-system", "deployer"),
                Wiring.defaultIdentity(Map.of("RSET_DEFAULT_SERVICE_ACCOUNT", "rset-system/deployer")));
        for (String bad : new String[] {"deployer", "/deployer", "rset-system/", "a/b/c"}) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> Wiring.defaultIdentity(Map.of("RSET_DEFAULT_SERVICE_ACCOUNT", bad)));
            assertEquals("RSET_DEFAULT_SERVICE_ACCOUNT must be <namespace>/<name>, got \"" + bad + "\"",
                    e.getMessage());
        }
    }
}
