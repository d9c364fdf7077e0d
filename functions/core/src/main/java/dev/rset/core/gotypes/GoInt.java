package dev.rset.core.gotypes;

/**
 * A Go {@code int} (64-bit on the platforms Flux runs on). Kept distinct from {@link Long}, which
 * stands for Go's {@code int64}, because templates can observe the difference through
 * {@code typeOf}, {@code kindIs} and {@code deepEqual}.
 */
public final class GoInt extends Number implements Comparable<GoInt> {
    private static final long serialVersionUID = 1L;
    private static final GoInt[] SMALL = new GoInt[256];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = new GoInt(i - 128);
        }
    }

    private final long value;

    private GoInt(long value) {
        this.value = value;
    }

    public static GoInt of(long value) {
        if (value >= -128 && value < 128) {
            return SMALL[(int) value + 128];
        }
        return new GoInt(value);
    }

    @Override
    public int intValue() {
        return (int) value;
    }

    @Override
    public long longValue() {
        return value;
    }

    @Override
    public float floatValue() {
        return value;
    }

    @Override
    public double doubleValue() {
        return value;
    }

    @Override
    public int compareTo(GoInt o) {
        return Long.compare(value, o.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GoInt other && other.value == value;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
