/** One run on one cluster: apply step by step, wait for health, garbage-collect, record the inventory. */
package dev.rset.reconciler.run;
