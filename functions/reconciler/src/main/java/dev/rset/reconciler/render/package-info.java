/** Rendering a ResourceSet with its inputs once per container, shared by the runs of all its clusters. */
package dev.rset.reconciler.render;
