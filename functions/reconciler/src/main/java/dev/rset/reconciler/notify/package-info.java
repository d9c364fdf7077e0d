/**
 * Pull request notifications around a run: which change-request inputs a ResourceSet has, where
 * their environment is across the clusters it is placed on, what each change request was last told
 * (kept on the ResourceSet's own status) and the forge calls that tell it the rest. Delivery never
 * fails a run: failures become the {@code NotificationFailed} condition and are sent again next run.
 */
package dev.rset.reconciler.notify;
