package dev.rset.forge.hook;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * GitHub's other content type, {@code application/x-www-form-urlencoded} (its default): the JSON
 * travels as the form field {@code payload}, and the signature covers the form body as sent, so
 * the field is read only after verification.
 */
public final class FormPayload {
    public static final String MEDIA_TYPE = "application/x-www-form-urlencoded";
    private static final String FIELD = "payload";

    private FormPayload() {
    }

    /** The {@code payload} field's value as bytes; a 400 when the body has none or is not a valid form. */
    public static byte[] json(byte[] form) {
        String body = new String(form, StandardCharsets.UTF_8);
        for (String pair : body.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (!FIELD.equals(decode(name))) {
                continue;
            }
            return decode(eq < 0 ? "" : pair.substring(eq + 1)).getBytes(StandardCharsets.UTF_8);
        }
        throw Rejection.badRequest("form-encoded delivery has no payload field");
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw Rejection.badRequest("form-encoded delivery is not valid URL encoding");
        }
    }
}
