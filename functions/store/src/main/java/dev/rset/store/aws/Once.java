package dev.rset.store.aws;

import java.util.function.Supplier;

/**
 * A value made at its first use and kept: a client the function's first event may not need (Secrets
 * Manager in the API, STS for EKS clusters) is then not built during a cold start. Safe to share
 * between the threads of a batch: the value is made once.
 */
public final class Once<T> implements Supplier<T> {
    private final Supplier<? extends T> make;
    private volatile T value;

    public Once(Supplier<? extends T> make) {
        this.make = make;
    }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = make.get();
                    value = v;
                }
            }
        }
        return v;
    }

    /** Whether the value has been made (what a cold-start test checks). */
    public boolean made() {
        return value != null;
    }
}
