package dev.rset.core.template.sprig;

import java.io.ByteArrayOutputStream;

/**
 * Decoding with Go's {@code base64.StdEncoding} and {@code base32.StdEncoding}, whose error texts
 * ({@code illegal base64 data at input byte N}) sprig returns as the decoded value. Java's
 * decoders accept and reject different inputs and report no offset, hence this small decoder.
 */
final class GoBase64 {
    private static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final String B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private GoBase64() {
    }

    /** Thrown with the byte offset Go would report. */
    static final class CorruptInput extends Exception {
        private static final long serialVersionUID = 1L;

        CorruptInput(String encoding, long offset) {
            super("illegal " + encoding + " data at input byte " + offset, null, false, false);
        }
    }

    /** base64 StdEncoding: 4-character quanta, '=' padding required, CR and LF ignored. */
    static byte[] decode64(byte[] src) throws CorruptInput {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int si = 0;
        while (si < src.length) {
            int[] buf = new int[4];
            int dlen = 4;
            int j = 0;
            boolean end = false;
            while (j < 4) {
                if (si == src.length) {
                    if (j == 0) {
                        return out.toByteArray();
                    }
                    throw new CorruptInput("base64", si - j);
                }
                int in = src[si] & 0xFF;
                si++;
                int v = in < 0x80 ? B64.indexOf(in) : -1;
                if (v >= 0) {
                    buf[j++] = v;
                    continue;
                }
                if (in == '\n' || in == '\r') {
                    continue;
                }
                if (in != '=') {
                    throw new CorruptInput("base64", si - 1);
                }
                // Padding: only after two or three data characters.
                if (j < 2) {
                    throw new CorruptInput("base64", si - 1);
                }
                if (j == 2) {
                    si = skipNewlines(src, si);
                    if (si == src.length) {
                        throw new CorruptInput("base64", src.length);
                    }
                    if (src[si] != '=') {
                        throw new CorruptInput("base64", si - 1);
                    }
                    si++;
                }
                si = skipNewlines(src, si);
                if (si < src.length) {
                    throw new CorruptInput("base64", si); // trailing garbage
                }
                dlen = j;
                end = true;
                break;
            }
            int val = buf[0] << 18 | buf[1] << 12 | buf[2] << 6 | buf[3];
            for (int k = 0; k < dlen - 1; k++) {
                out.write(val >> (16 - 8 * k) & 0xFF);
            }
            if (end) {
                break;
            }
        }
        return out.toByteArray();
    }

    private static int skipNewlines(byte[] src, int si) {
        while (si < src.length && (src[si] == '\n' || src[si] == '\r')) {
            si++;
        }
        return si;
    }

    /** base32 StdEncoding: newlines are stripped first, then 8-character padded quanta. */
    static byte[] decode32(byte[] raw) throws CorruptInput {
        ByteArrayOutputStream stripped = new ByteArrayOutputStream();
        for (byte b : raw) {
            if (b != '\n' && b != '\r') {
                stripped.write(b);
            }
        }
        byte[] src = stripped.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int olen = src.length;
        int p = 0;
        boolean end = false;
        while (p < olen && !end) {
            int[] buf = new int[8];
            int dlen = 8;
            int j = 0;
            while (j < 8) {
                if (p == olen) {
                    throw new CorruptInput("base32", olen - j);
                }
                int in = src[p] & 0xFF;
                p++;
                int remaining = olen - p;
                if (in == '=' && j >= 2 && remaining < 8) {
                    if (remaining + j < 7) {
                        throw new CorruptInput("base32", olen);
                    }
                    for (int k = 0; k < 7 - j; k++) {
                        if (remaining > k && src[p + k] != '=') {
                            throw new CorruptInput("base32", p + k - 1);
                        }
                    }
                    dlen = j;
                    end = true;
                    if (dlen == 1 || dlen == 3 || dlen == 6) {
                        throw new CorruptInput("base32", p - 1);
                    }
                    break;
                }
                int v = in < 0x80 ? B32.indexOf(in) : -1;
                if (v < 0) {
                    throw new CorruptInput("base32", p - 1);
                }
                buf[j++] = v;
            }
            long val = 0;
            for (int k = 0; k < 8; k++) {
                val = val << 5 | buf[k];
            }
            int bytes = switch (dlen) {
                case 8 -> 5;
                case 7 -> 4;
                case 5 -> 3;
                case 4 -> 2;
                case 2 -> 1;
                default -> 0;
            };
            for (int k = 0; k < bytes; k++) {
                out.write((int) (val >> (32 - 8 * k)) & 0xFF);
            }
        }
        return out.toByteArray();
    }
}
