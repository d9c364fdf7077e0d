package dev.rset.reconciler;

import dev.rset.store.DefinitionStore;
import dev.rset.store.InputStore;
import dev.rset.store.InventoryStore;
import dev.rset.store.ScheduleStore;
import dev.rset.store.StatusStore;

/** The store ports a run reads and writes. */
public record ReconcilerStores(DefinitionStore definitions, InputStore inputs, InventoryStore inventories,
        StatusStore statuses, ScheduleStore schedules) {
}
