/** Garbage collection of objects that left the inventory: Flux kinds first and waited for, then the rest. */
package dev.rset.delivery.prune;
