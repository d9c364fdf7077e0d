/** Server-side apply in Flux's staged order, with a dry-run drift check and forced re-creation. */
package dev.rset.delivery.apply;
