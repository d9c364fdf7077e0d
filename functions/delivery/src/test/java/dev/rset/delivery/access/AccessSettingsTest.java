package dev.rset.delivery.access;

import dev.rset.delivery.Identity;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessSettingsTest {
    @Test
    void loopbackIsOffUnlessTurnedOnExplicitly() {
        assertFalse(AccessSettings.fromEnv(Map.of()).allowLoopback());
        assertFalse(AccessSettings.fromEnv(Map.of("RSET_ALLOW_LOOPBACK_CLUSTERS", "1")).allowLoopback());
        assertTrue(AccessSettings.fromEnv(Map.of("RSET_ALLOW_LOOPBACK_CLUSTERS", "true")).allowLoopback());
    }

    @Test
    void readsTheAllowListAndPrefix() {
        AccessSettings s = AccessSettings.fromEnv(Map.of("RSET_ALLOWED_ACCOUNT_IDS", " 111111111111, 222222222222 ,",
                "RSET_SECRET_PREFIX", "cp", "RSET_EKS_EXTERNAL_ID", "x"));
        assertEquals(Set.of("111111111111", "222222222222"), s.allowedAccountIds());
        assertEquals("cp/clusters/", s.clusterSecretsPrefix());
        s.checkRole("arn:aws:iam::222222222222:role/deployer");
        assertEquals("spec.auth.eks.roleArn", assertThrows(AccessRefusedException.class,
                () -> s.checkRole("arn:aws:iam::333333333333:role/deployer")).field());
        s.checkSecretRef("cp/clusters/prod/kubeconfig");
        for (String outside : new String[] {"cp/clusters/", "cp/secrets/apps/token", "other/clusters/x",
                "arn:aws:secretsmanager:us-east-1:111111111111:secret:cp/clusters/x"}) {
            assertThrows(AccessRefusedException.class, () -> s.checkSecretRef(outside), outside);
        }
    }

    @Test
    void identityIsTheServiceAccountThenTheDefaultThenTheControlPlane() {
        AccessSettings none = AccessSettings.fromEnv(Map.of());
        assertEquals(Identity.CONTROL_PLANE, none.identity("apps", ""));
        assertEquals(Identity.serviceAccount("apps", "deployer"), none.identity("apps", "deployer"));
        AccessSettings withDefault = AccessSettings.fromEnv(Map.of("RSET_DEFAULT_SERVICE_ACCOUNT", "flux"));
        assertEquals(Identity.serviceAccount("apps", "flux"), withDefault.identity("apps", null));
        assertEquals(Identity.serviceAccount("apps", "deployer"), withDefault.identity("apps", "deployer"));
    }
}
