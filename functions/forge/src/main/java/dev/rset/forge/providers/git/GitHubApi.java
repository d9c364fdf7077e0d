package dev.rset.forge.providers.git;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rset.forge.inputs.Listed;
import dev.rset.forge.providers.http.ForgeHttp;
import dev.rset.forge.providers.http.HttpFailure;
import dev.rset.forge.providers.http.Pages;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * GitHub's REST API: {@code GET /repos/{owner}/{repo}/pulls?state=open}, {@code /branches} and
 * {@code /tags}, 100 per page, following {@code Link} headers. The API lives at
 * {@code api.github.com} for github.com and at {@code <server>/api/v3} for GitHub Enterprise Server.
 */
public final class GitHubApi implements GitForge {
    private final ForgeHttp http;
    private final URI repo;
    private final Map<String, String> headers;

    /**
     * @param authorization the {@code Authorization} header value, or empty for anonymous access
     */
    public GitHubApi(ForgeHttp http, String repositoryUrl, String authorization) throws HttpFailure {
        this.http = http;
        this.repo = URI.create(repoBase(repositoryUrl));
        this.headers = headers(authorization);
    }

    /** What every GitHub API request of this project sends: the media type and API version GitHub documents, and the credentials. */
    public static Map<String, String> headers(String authorization) {
        Map<String, String> h = new LinkedHashMap<>(ForgeHttp.jsonHeaders("application/vnd.github+json", authorization));
        h.put("X-GitHub-Api-Version", "2022-11-28");
        return Map.copyOf(h);
    }

    /** {@code https://api.github.com} for github.com, {@code <origin>/api/v3} for GitHub Enterprise Server. */
    public static String apiBase(String repositoryUrl) throws HttpFailure {
        RepoUrl u = RepoUrl.parse(repositoryUrl);
        String host = URI.create(u.origin()).getHost();
        return host.equalsIgnoreCase("github.com") || host.equalsIgnoreCase("www.github.com")
                ? "https://api.github.com" : u.origin() + "/api/v3";
    }

    /** The repository's API URL, {@code <api>/repos/{owner}/{repo}}. */
    public static String repoBase(String repositoryUrl) throws HttpFailure {
        List<String> ownerRepo = RepoUrl.parse(repositoryUrl).ownerAndRepo("GitHub");
        return apiBase(repositoryUrl) + "/repos/" + RepoUrl.segment(ownerRepo.get(0)) + "/"
                + RepoUrl.segment(ownerRepo.get(1));
    }

    @Override
    public List<Listed.ChangeRequest> changeRequests(Predicate<Listed> passes, int limit) throws HttpFailure {
        return Pages.collect(http, URI.create(repo + "/pulls?state=open&per_page=100"), headers,
                page -> GitHubShapedPulls.read(page, "GitHub pulls"), Pages.byLink(), passes, limit);
    }

    @Override
    public List<Listed.Ref> branches(Predicate<Listed> passes, int limit) throws HttpFailure {
        return refs("/branches", passes, limit);
    }

    @Override
    public List<Listed.Ref> tags() throws HttpFailure {
        return refs("/tags", x -> true, Integer.MAX_VALUE);
    }

    private List<Listed.Ref> refs(String path, Predicate<Listed> passes, int limit) throws HttpFailure {
        return Pages.collect(http, URI.create(repo + path + "?per_page=100"), headers, page -> {
            List<Listed.Ref> out = new ArrayList<>();
            for (JsonNode ref : Pages.array(page, "", "GitHub " + path.substring(1))) {
                out.add(new Listed.Ref(ref.path("name").asText(), ref.path("commit").path("sha").asText()));
            }
            return out;
        }, Pages.byLink(), passes, limit);
    }
}
