package dev.rset.forge.providers.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rset.forge.providers.http.HttpFailure;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Git's pkt-line framing of a ref advertisement. */
class GitRefsTest {
    static final URI URL = URI.create("https://git.example/r/info/refs?service=git-upload-pack");

    @Test
    void flushesAreSkippedAndPayloadsKeptWhole() throws HttpFailure {
        byte[] body = ("001e# service=git-upload-pack\n" + "0000" + "000aab cd\n" + "0000")
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of("# service=git-upload-pack\n", "ab cd\n"), GitRefs.pktLines(body, URL));
    }

    @Test
    void aTruncatedOrForeignBodyIsRefusedNamingTheUrl() {
        var truncated = assertThrows(HttpFailure.class,
                () -> GitRefs.pktLines("00ffshort".getBytes(StandardCharsets.UTF_8), URL));
        assertEquals(URL + ": truncated Git ref advertisement", truncated.getMessage());
        var html = assertThrows(HttpFailure.class,
                () -> GitRefs.pktLines("<html>".getBytes(StandardCharsets.UTF_8), URL));
        assertEquals(URL + ": not a Git ref advertisement", html.getMessage());
    }
}
