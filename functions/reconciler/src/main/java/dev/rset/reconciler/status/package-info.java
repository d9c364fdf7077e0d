/** The status of one (ResourceSet, cluster) pair: conditions, history, changes, written with its version guard. */
package dev.rset.reconciler.status;
