package dev.rset.store.dynamodb;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/** Short constructors and readers for attribute values. */
final class Attr {
    private Attr() {
    }

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }

    static AttributeValue b(byte[] v) {
        return AttributeValue.fromB(SdkBytes.fromByteArray(v));
    }

    static AttributeValue bool(boolean v) {
        return AttributeValue.fromBool(v);
    }

    static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.s() == null ? null : v.s();
    }

    static long num(Map<String, AttributeValue> item, String name, long fallback) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? fallback : Long.parseLong(v.n());
    }

    static boolean flag(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v != null && Boolean.TRUE.equals(v.bool());
    }

    static byte[] bytes(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.b() == null ? null : v.b().asByteArray();
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(TableDesign.PK, s(pk), TableDesign.SK, s(sk));
    }
}
