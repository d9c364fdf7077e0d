/** {@code spec.dependsOn}: existence, the Ready condition and CEL {@code readyExpr} on the target cluster. */
package dev.rset.reconciler.dependencies;
