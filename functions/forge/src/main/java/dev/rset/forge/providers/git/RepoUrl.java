package dev.rset.forge.providers.git;

import dev.rset.forge.providers.http.HttpFailure;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** A provider's {@code spec.url} split into the server and the repository path. */
record RepoUrl(String origin, List<String> path) {
    static RepoUrl parse(String url) throws HttpFailure {
        URI u;
        try {
            u = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw HttpFailure.failed("spec.url \"" + url + "\" is not a URL");
        }
        if (u.getScheme() == null || u.getHost() == null
                || !(u.getScheme().equals("https") || u.getScheme().equals("http"))) {
            throw HttpFailure.failed("spec.url \"" + url + "\" must be an http(s) URL of a repository");
        }
        String p = u.getPath() == null ? "" : u.getPath().replaceAll("/+$", "");
        if (p.endsWith(".git")) {
            p = p.substring(0, p.length() - 4);
        }
        List<String> segments = Arrays.stream(p.split("/")).filter(s -> !s.isEmpty()).toList();
        String origin = u.getScheme() + "://" + u.getRawAuthority();
        return new RepoUrl(origin, segments);
    }

    /** The last two segments, owner and repository, or a failure naming what is expected. */
    List<String> ownerAndRepo(String forge) throws HttpFailure {
        if (path.size() < 2) {
            throw HttpFailure.failed("spec.url must name a " + forge + " repository as <server>/<owner>/<repository>");
        }
        return path.subList(path.size() - 2, path.size());
    }

    static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
