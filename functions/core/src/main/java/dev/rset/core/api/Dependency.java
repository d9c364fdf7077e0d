package dev.rset.core.api;

/** An entry of {@code spec.dependsOn}: an object that must exist (and maybe be ready) first. */
public record Dependency(String apiVersion, String kind, String name, String namespace, boolean ready,
        String readyExpr) {
    static Dependency read(Fields f) {
        return new Dependency(f.requiredString("apiVersion"), f.requiredString("kind"), f.requiredString("name"),
                f.string("namespace"), f.bool("ready"), f.string("readyExpr"));
    }
}
