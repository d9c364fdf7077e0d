package dev.rset.forge.providers.git;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rset.forge.inputs.Listed;
import dev.rset.forge.providers.http.ForgeHttp;
import dev.rset.forge.providers.http.HttpFailure;
import dev.rset.forge.providers.http.Pages;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The Gitea / Forgejo API v1 ({@code <server>[/<sub-path>]/api/v1/repos/{owner}/{repo}/pulls?state=open},
 * {@code /branches}, {@code /tags}), 50 per page, following {@code Link} headers.
 */
public final class GiteaApi implements GitForge {
    private final ForgeHttp http;
    private final String repo;
    private final Map<String, String> headers;

    public GiteaApi(ForgeHttp http, String repositoryUrl, String authorization) throws HttpFailure {
        this.http = http;
        this.repo = repoBase(repositoryUrl);
        this.headers = ForgeHttp.jsonHeaders("application/json", authorization);
    }

    /** The repository's API URL, {@code <server>[/<sub-path>]/api/v1/repos/{owner}/{repo}}. */
    public static String repoBase(String repositoryUrl) throws HttpFailure {
        RepoUrl u = RepoUrl.parse(repositoryUrl);
        List<String> ownerRepo = u.ownerAndRepo("Gitea/Forgejo");
        List<String> subPath = u.path().subList(0, u.path().size() - 2);
        return u.origin() + (subPath.isEmpty() ? "" : "/" + String.join("/", subPath)) + "/api/v1/repos/"
                + RepoUrl.segment(ownerRepo.get(0)) + "/" + RepoUrl.segment(ownerRepo.get(1));
    }

    @Override
    public List<Listed.ChangeRequest> changeRequests(Predicate<Listed> passes, int limit) throws HttpFailure {
        return Pages.collect(http, URI.create(repo + "/pulls?state=open&limit=50&page=1"), headers,
                page -> GitHubShapedPulls.read(page, "Gitea pulls"), Pages.byLink(), passes, limit);
    }

    @Override
    public List<Listed.Ref> branches(Predicate<Listed> passes, int limit) throws HttpFailure {
        return refs("/branches", "id", passes, limit);
    }

    @Override
    public List<Listed.Ref> tags() throws HttpFailure {
        return refs("/tags", "sha", x -> true, Integer.MAX_VALUE);
    }

    /** Branches name their commit {@code commit.id}, tags {@code commit.sha}. */
    private List<Listed.Ref> refs(String path, String shaField, Predicate<Listed> passes, int limit)
            throws HttpFailure {
        return Pages.collect(http, URI.create(repo + path + "?limit=50&page=1"), headers, page -> {
            List<Listed.Ref> out = new ArrayList<>();
            for (JsonNode ref : Pages.array(page, "", "Gitea " + path.substring(1))) {
                out.add(new Listed.Ref(ref.path("name").asText(), ref.path("commit").path(shaField).asText()));
            }
            return out;
        }, Pages.byLink(), passes, limit);
    }
}
