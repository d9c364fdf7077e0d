/** kstatus-style health of live objects, and waiting for it. */
package dev.rset.delivery.health;
