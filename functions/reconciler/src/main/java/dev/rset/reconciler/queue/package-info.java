/**
 * The pair queue's message format, shared by the dispatcher (writes) and the reconcile handler
 * (reads). Depends on {@code PairRequest} and Jackson only: the dispatcher's jar takes this package
 * and {@code PairRequest} from this module and nothing else.
 */
package dev.rset.reconciler.queue;
