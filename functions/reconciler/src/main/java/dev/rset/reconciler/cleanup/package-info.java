/** Pruning everything a ResourceSet applied on a cluster it left, and removing those inventories. */
package dev.rset.reconciler.cleanup;
