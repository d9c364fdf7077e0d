package dev.rset.reconciler.notify;

import dev.rset.core.api.ResourceSet;

/**
 * Tells change requests what a run does to their preview environments. Called around each run of
 * a ResourceSet on a cluster; implementations never throw and never block the run for longer than
 * their own time budget.
 */
public interface Notifications {
    /** Before the run applies: change requests with a new head commit are told it is deploying. */
    void beforeRun(ResourceSet rset, long generation);

    /** After the run: each change request is told where its environment is now, if that changed. */
    void afterRun(ResourceSet rset, long generation);

    /** No notifications (a control plane without forge access, tests of other things). */
    Notifications NONE = new Notifications() {
        @Override
        public void beforeRun(ResourceSet rset, long generation) {
        }

        @Override
        public void afterRun(ResourceSet rset, long generation) {
        }
    };
}
