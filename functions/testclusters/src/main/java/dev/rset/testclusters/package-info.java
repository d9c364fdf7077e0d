/** Test support: real Kubernetes API servers on loopback (see testenv/kubernetes). */
package dev.rset.testclusters;
