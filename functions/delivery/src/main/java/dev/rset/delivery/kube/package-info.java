/** The fabric8 adapter of {@link dev.rset.delivery.ClusterSession}: dynamic API, discovery, API errors, polling. */
package dev.rset.delivery.kube;
