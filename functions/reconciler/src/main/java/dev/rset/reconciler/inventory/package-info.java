/** Inventory entries in Flux's format and what left an inventory between runs. */
package dev.rset.reconciler.inventory;
