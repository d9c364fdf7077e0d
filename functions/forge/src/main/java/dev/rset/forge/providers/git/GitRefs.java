package dev.rset.forge.providers.git;

import dev.rset.forge.inputs.Listed;
import dev.rset.forge.providers.http.ForgeHttp;
import dev.rset.forge.providers.http.HttpFailure;
import dev.rset.forge.providers.http.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A repository's tags from Git's smart HTTP ref advertisement ({@code GET <repo>/info/refs?service=
 * git-upload-pack}, what {@code git ls-remote} reads), for hosts whose API has no tag listing. An
 * annotated tag's commit is its peeled {@code ^{}} entry.
 */
public final class GitRefs {
    private static final String TAG_PREFIX = "refs/tags/";
    private static final String PEELED = "^{}";

    private GitRefs() {
    }

    public static List<Listed.Ref> tags(ForgeHttp http, String repositoryUrl, String authorization)
            throws HttpFailure {
        URI uri = URI.create(repositoryUrl.replaceAll("/+$", "") + "/info/refs?service=git-upload-pack");
        Response r = http.get(uri, authorization.isEmpty() ? Map.of() : Map.of("Authorization", authorization));
        Map<String, String> tags = new LinkedHashMap<>();
        Map<String, String> peeled = new LinkedHashMap<>();
        for (String line : pktLines(r.body(), uri)) {
            int nul = line.indexOf('\0');
            String entry = (nul >= 0 ? line.substring(0, nul) : line).strip();
            int space = entry.indexOf(' ');
            if (space != 40 && space != 64 || !entry.startsWith(TAG_PREFIX, space + 1)) {
                continue;
            }
            String sha = entry.substring(0, space);
            String name = entry.substring(space + 1 + TAG_PREFIX.length());
            if (name.endsWith(PEELED)) {
                peeled.put(name.substring(0, name.length() - PEELED.length()), sha);
            } else {
                tags.put(name, sha);
            }
        }
        List<Listed.Ref> out = new ArrayList<>();
        tags.forEach((name, sha) -> out.add(new Listed.Ref(name, peeled.getOrDefault(name, sha))));
        return out;
    }

    /** The payloads of Git's pkt-line framing: four hex digits of length (itself included), flushes skipped. */
    static List<String> pktLines(byte[] body, URI uri) throws HttpFailure {
        List<String> out = new ArrayList<>();
        int at = 0;
        while (at + 4 <= body.length) {
            int length;
            try {
                length = Integer.parseInt(new String(body, at, 4, StandardCharsets.US_ASCII), 16);
            } catch (NumberFormatException e) {
                throw HttpFailure.failed(uri + ": not a Git ref advertisement");
            }
            if (length == 0) {
                at += 4;
                continue;
            }
            if (length < 4 || at + length > body.length) {
                throw HttpFailure.failed(uri + ": truncated Git ref advertisement");
            }
            out.add(new String(body, at + 4, length - 4, StandardCharsets.UTF_8));
            at += length;
        }
        return out;
    }
}
