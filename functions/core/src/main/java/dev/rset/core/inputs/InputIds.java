package dev.rset.core.inputs;

import java.nio.charset.StandardCharsets;
import java.util.zip.Adler32;

/** Short, stable ids for input sets: the decimal Adler-32 checksum of a string, as Flux computes them. */
public final class InputIds {
    private InputIds() {
    }

    public static String of(String s) {
        Adler32 a = new Adler32();
        a.update(s.getBytes(StandardCharsets.UTF_8));
        return Long.toString(a.getValue());
    }
}
