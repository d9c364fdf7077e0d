package dev.rset.delivery.access;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The token as {@code aws eks get-token} makes it, checked field by field and signed again independently. */
class EksTokensTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    static final AwsCredentialsIdentity CREDENTIALS = AwsCredentialsIdentity.create("AKIDEXAMPLE",
            "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");

    static URI decode(String token) {
        assertTrue(token.startsWith("k8s-aws-v1."), token);
        String body = token.substring("k8s-aws-v1.".length());
        assertTrue(body.matches("[A-Za-z0-9_-]+"), "base64url without padding: " + body);
        return URI.create(new String(Base64.getUrlDecoder().decode(body), StandardCharsets.UTF_8));
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> out = new TreeMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void presignedGetCallerIdentityForTheCluster() {
        String token = EksTokens.token("prod-eu", "eu-west-1", CREDENTIALS, CLOCK);
        URI url = decode(token);
        assertEquals("https", url.getScheme());
        assertEquals("sts.eu-west-1.amazonaws.com", url.getHost());
        assertEquals("/", url.getPath());
        Map<String, String> q = query(url);
        assertEquals("GetCallerIdentity", q.get("Action"));
        assertEquals("2011-06-15", q.get("Version"));
        assertEquals("AWS4-HMAC-SHA256", q.get("X-Amz-Algorithm"));
        assertEquals("AKIDEXAMPLE/20261127/eu-west-1/sts/aws4_request", q.get("X-Amz-Credential"));
        assertEquals("20261127T100000Z", q.get("X-Amz-Date"));
        assertEquals("60", q.get("X-Amz-Expires"));
        assertEquals("host;x-k8s-aws-id", q.get("X-Amz-SignedHeaders"));
        assertFalse(q.containsKey("X-Amz-Security-Token"));
        assertEquals(signature(url, q, "prod-eu", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "eu-west-1"),
                q.get("X-Amz-Signature"));

        assertEquals(token, EksTokens.token("prod-eu", "eu-west-1", CREDENTIALS, CLOCK), "deterministic");
        assertNotEquals(q.get("X-Amz-Signature"), query(decode(EksTokens.token("prod-us", "eu-west-1", CREDENTIALS,
                CLOCK))).get("X-Amz-Signature"), "the cluster name is signed");
    }

    @Test
    void sessionCredentialsCarryTheirTokenAndChinaUsesItsDomain() {
        URI url = decode(EksTokens.token("c", "cn-north-1", AwsSessionCredentialsIdentity.create("ASIAX", "s3cret",
                "SESSION/TOKEN+1"), CLOCK));
        assertEquals("sts.cn-north-1.amazonaws.com.cn", url.getHost());
        Map<String, String> q = query(url);
        assertEquals("SESSION/TOKEN+1", q.get("X-Amz-Security-Token"));
        assertEquals(signature(url, q, "c", "s3cret", "cn-north-1"), q.get("X-Amz-Signature"));
    }

    /** SigV4 of the presigned GET, computed here from the specification rather than by the SDK. */
    static String signature(URI url, Map<String, String> q, String cluster, String secret, String region) {
        String canonicalQuery = q.entrySet().stream().filter(e -> !e.getKey().equals("X-Amz-Signature"))
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).sorted().collect(Collectors.joining("&"));
        String canonicalRequest = String.join("\n", "GET", "/", canonicalQuery, "host:" + url.getHost(),
                "x-k8s-aws-id:" + cluster, "", "host;x-k8s-aws-id", hex(sha256("")));
        String date = q.get("X-Amz-Date");
        String scope = date.substring(0, 8) + "/" + region + "/sts/aws4_request";
        String toSign = String.join("\n", "AWS4-HMAC-SHA256", date, scope, hex(sha256(canonicalRequest)));
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date.substring(0, 8));
        key = hmac(key, region);
        key = hmac(key, "sts");
        key = hmac(key, "aws4_request");
        return hex(hmac(key, toSign));
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
