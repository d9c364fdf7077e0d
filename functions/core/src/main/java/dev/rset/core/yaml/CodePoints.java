package dev.rset.core.yaml;

/** Code points and UTF-8 lengths of strings without the stream machinery, which dominated profiles. */
final class CodePoints {
    private CodePoints() {
    }

    static int[] of(String s) {
        int n = s.length();
        int[] out = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                out[count++] = Character.toCodePoint(c, s.charAt(++i));
            } else {
                out[count++] = c;
            }
        }
        return count == n ? out : java.util.Arrays.copyOf(out, count);
    }

    static int utf8Length(int[] cps) {
        int bytes = 0;
        for (int c : cps) {
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        }
        return bytes;
    }
}
