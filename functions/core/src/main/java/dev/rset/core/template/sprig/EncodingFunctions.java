package dev.rset.core.template.sprig;

import static dev.rset.core.template.ParamType.STRING;

import dev.rset.core.template.FuncMap;
import dev.rset.core.template.Signature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.zip.Adler32;

/** sprig's encodings and checksums (strings.go, crypto.go): always a string, never an error. */
final class EncodingFunctions {
    private EncodingFunctions() {
    }

    static void register(FuncMap m) {
        m.put("b64enc", Signature.of(STRING), a -> Base64.getEncoder().encodeToString(bytes(a[0])));
        m.put("b64dec", Signature.of(STRING), a -> {
            try {
                byte[] d = GoBase64.decode64(bytes(a[0]));
                return GoStrings.fromUtf8(d, 0, d.length);
            } catch (GoBase64.CorruptInput e) {
                return e.getMessage(); // sprig returns the error text as the value
            }
        });
        m.put("b32enc", Signature.of(STRING), a -> base32(bytes(a[0])));
        m.put("b32dec", Signature.of(STRING), a -> {
            try {
                byte[] d = GoBase64.decode32(bytes(a[0]));
                return GoStrings.fromUtf8(d, 0, d.length);
            } catch (GoBase64.CorruptInput e) {
                return e.getMessage();
            }
        });
        m.put("sha1sum", Signature.of(STRING), a -> digest("SHA-1", bytes(a[0])));
        m.put("sha256sum", Signature.of(STRING), a -> digest("SHA-256", bytes(a[0])));
        m.put("adler32sum", Signature.of(STRING), a -> {
            Adler32 adler = new Adler32();
            adler.update(bytes(a[0]));
            return Long.toString(adler.getValue());
        });
    }

    private static byte[] bytes(Object s) {
        return ((String) s).getBytes(StandardCharsets.UTF_8);
    }

    private static String digest(String algorithm, byte[] input) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(input));
    }

    /** RFC 4648 base32 with padding, as Go's StdEncoding writes it. */
    static String base32(byte[] in) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < in.length; i += 5) {
            int n = Math.min(5, in.length - i);
            long val = 0;
            for (int k = 0; k < 5; k++) {
                val = val << 8 | (k < n ? in[i + k] & 0xFF : 0);
            }
            int chars = (n * 8 + 4) / 5;
            for (int k = 0; k < 8; k++) {
                out.append(k < chars ? alphabet.charAt((int) (val >> (35 - 5 * k)) & 31) : '=');
            }
        }
        return out.toString();
    }
}
