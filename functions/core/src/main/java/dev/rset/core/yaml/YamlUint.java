package dev.rset.core.yaml;

import java.math.BigInteger;

/**
 * A Go {@code uint64} produced by go-yaml for an integer above int64's range. Kept apart from a
 * plain {@link BigInteger} (Go's {@code *big.Int}, used beyond uint64) because sigs.k8s.io/yaml
 * names the Go type when it rejects such a value as a map key.
 */
record YamlUint(BigInteger value) {
    @Override
    public String toString() {
        return value.toString();
    }
}
