package dev.rset.providers.aws;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * The Git credentials CodeCommit's smart HTTP endpoint accepts from an IAM identity: a Signature
 * Version 4 signature of the pseudo-request {@code GIT <path>} for service {@code codecommit} (the
 * scheme of AWS's {@code git-remote-codecommit} and credential helper). The user name is the access
 * key id, with {@code %<session token>} for temporary credentials; the password is
 * {@code <yyyyMMdd'T'HHmmss>Z<signature>}. It is valid for a few minutes, so one is made per poll.
 */
record CodeCommitGitPassword(String username, String password) {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")
            .withZone(ZoneOffset.UTC);

    @Override
    public String toString() {
        return "CodeCommitGitPassword[***]";
    }

    static CodeCommitGitPassword sign(AwsCredentials credentials, String host, String path, String region,
            Instant now) {
        String stamp = STAMP.format(now);
        String date = stamp.substring(0, 8);
        String canonical = "GIT\n" + path + "\n\nhost:" + host + "\n\nhost\n";
        String scope = date + "/" + region + "/codecommit/aws4_request";
        String toSign = "AWS4-HMAC-SHA256\n" + stamp + "\n" + scope + "\n" + hex(sha256(canonical));
        byte[] key = hmac(("AWS4" + credentials.secretAccessKey()).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, "codecommit");
        key = hmac(key, "aws4_request");
        String signature = hex(hmac(key, toSign));
        String user = credentials instanceof AwsSessionCredentials session
                ? credentials.accessKeyId() + "%" + session.sessionToken() : credentials.accessKeyId();
        return new CodeCommitGitPassword(user, stamp + "Z" + signature);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
