package dev.rset.core.builder;

import dev.rset.core.yaml.GoJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The content digest of a build ({@code sha256:<hex>}) over each step's name and its objects as
 * compact JSON with sorted keys, so the same objects in the same order always give the same
 * digest; history entries and "nothing changed" checks compare it. JSON rather than YAML because
 * it is several times cheaper to write and just as canonical.
 */
public final class Digest {
    private Digest() {
    }

    public static String of(List<StepResult> steps) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
        for (StepResult step : steps) {
            if (!step.name().isEmpty()) {
                sha.update(("# step: " + step.name() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            for (Map<String, Object> object : step.objects()) {
                sha.update(GoJson.marshal(object, false).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
        }
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }
}
