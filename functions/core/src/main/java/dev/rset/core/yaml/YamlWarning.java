package dev.rset.core.yaml;

/** Something a manifest's author should be told about how it was read; {@code line} counts from 1. */
public record YamlWarning(int line, String message) {
    @Override
    public String toString() {
        return "line " + line + ": " + message;
    }
}
