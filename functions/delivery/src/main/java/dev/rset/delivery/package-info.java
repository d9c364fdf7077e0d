/** Delivery to target clusters behind ports: access, server-side apply, inventory, GC, health. */
package dev.rset.delivery;
