package dev.rset.dispatcher;

import dev.rset.reconciler.PairRequest;
import java.util.List;

/** Where the dispatcher puts pair requests for the reconcile function. */
public interface PairQueue {
    /** Sends every request or throws {@link QueueException} naming what could not be sent. */
    void send(List<PairRequest> requests);
}
