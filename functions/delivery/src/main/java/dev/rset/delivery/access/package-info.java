/**
 * Safe access to target clusters: what a kubeconfig may contain ({@link dev.rset.delivery.access.KubeconfigPolicy}),
 * where an API server may be ({@link dev.rset.delivery.access.AddressPolicy}), IAM tokens for EKS
 * ({@link dev.rset.delivery.access.EksTokens}), and the fabric8 client built from them with nothing
 * read from the environment ({@link dev.rset.delivery.access.Fabric8ClusterConnector}).
 */
package dev.rset.delivery.access;
