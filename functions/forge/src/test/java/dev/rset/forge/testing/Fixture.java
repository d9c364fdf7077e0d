package dev.rset.forge.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A payload template under {@code src/test/resources/fixtures}, shaped like the forge's published
 * samples, with {@code "{{name}}"} placeholders replaced by JSON values (strings, numbers, lists,
 * objects, null). A placeholder left unset fails the test instead of sending a half-filled payload.
 */
public final class Fixture {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INLINE = Pattern.compile("\\{\\{(\\w+)}}");

    private String text;

    private Fixture(String text) {
        this.text = text;
    }

    public static Fixture load(String path) {
        try (InputStream in = Fixture.class.getResourceAsStream("/fixtures/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new Fixture(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets a placeholder: quoted ones become the JSON value, ones inside a string the plain text. */
    public Fixture with(String name, Object value) {
        String json;
        try {
            json = JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        text = text.replace("\"{{" + name + "}}\"", json);
        String inline = value instanceof String s ? JSON.valueToTree(s).toString() : json;
        // Inside a longer string: splice the escaped text without its quotes.
        String bare = value instanceof String ? inline.substring(1, inline.length() - 1) : inline;
        text = text.replace("{{" + name + "}}", bare);
        return this;
    }

    public String text() {
        Matcher m = INLINE.matcher(text);
        if (m.find()) {
            throw new IllegalStateException("fixture placeholder {{" + m.group(1) + "}} was not set");
        }
        return text;
    }

    public byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }
}
