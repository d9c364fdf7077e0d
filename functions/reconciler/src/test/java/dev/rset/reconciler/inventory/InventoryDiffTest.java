package dev.rset.reconciler.inventory;

import dev.rset.delivery.ObjectRef;
import dev.rset.store.InventoryEntry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InventoryDiffTest {
    static final ObjectRef NS = new ObjectRef("", "v1", "Namespace", "", "app-42");
    static final ObjectRef HR = new ObjectRef("helm.toolkit.fluxcd.io", "v2", "HelmRelease", "app-42", "app");
    static final ObjectRef GR = new ObjectRef("source.toolkit.fluxcd.io", "v1", "GitRepository", "app-42", "app");

    @Test
    void entriesUseFluxsFormatOncePerObject() {
        assertEquals(List.of(new InventoryEntry("_app-42__Namespace", "v1"),
                new InventoryEntry("app-42_app_helm.toolkit.fluxcd.io_HelmRelease", "v2")),
                InventoryDiff.entries(List.of(NS, HR, NS)));
    }

    @Test
    void staleIsWhatLeftTheInventory() {
        List<InventoryEntry> before = InventoryDiff.entries(List.of(NS, GR, HR));
        List<InventoryEntry> after = InventoryDiff.entries(List.of(NS, HR));
        assertEquals(List.of(GR), InventoryDiff.stale(before, after));
        assertEquals(List.of(), InventoryDiff.stale(after, before));
    }

    @Test
    void unionKeepsEverythingAFailedRunMayHaveApplied() {
        assertEquals(InventoryDiff.entries(List.of(NS, HR, GR)),
                InventoryDiff.union(InventoryDiff.entries(List.of(NS, HR)), InventoryDiff.entries(List.of(GR, NS))));
    }
}
