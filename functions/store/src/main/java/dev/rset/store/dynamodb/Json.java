package dev.rset.store.dynamodb;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.rset.store.StoredJson;

import java.util.Map;

/** The shared {@link StoredJson} codec under the short name this package's item code uses. */
final class Json {
    private Json() {
    }

    static String write(Object value) {
        return StoredJson.write(value);
    }

    static Map<String, Object> readMap(String json) {
        return StoredJson.readMap(json);
    }

    static <T> T read(String json, TypeReference<T> type) {
        return StoredJson.read(json, type);
    }

    static byte[] gzip(String text) {
        return StoredJson.gzip(text);
    }

    static String gunzip(byte[] data) {
        return StoredJson.gunzip(data);
    }
}
