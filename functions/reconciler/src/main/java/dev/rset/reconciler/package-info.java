/** The reconciler: one run per (ResourceSet, cluster) pair, from the queue to the clusters. */
package dev.rset.reconciler;
