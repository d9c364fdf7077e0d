/** A ResourceSet's input sets: inline, Static providers' and stored exported inputs, combined by the core. */
package dev.rset.reconciler.inputs;
