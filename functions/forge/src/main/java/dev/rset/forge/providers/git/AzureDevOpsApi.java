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
 * Azure DevOps Git REST API 7.1 for {@code https://dev.azure.com/{org}/{project}/_git/{repo}}:
 * active pull requests paged with {@code $top}/{@code $skip}, refs ({@code heads/}, {@code tags/},
 * annotated tags peeled to their commit) paged with the {@code x-ms-continuationtoken} header.
 * The author is the creator's display name, as the Flux Operator exports it.
 */
public final class AzureDevOpsApi implements GitForge {
    private static final int PAGE = 100;
    private final ForgeHttp http;
    private final String repo;
    private final Map<String, String> headers;

    public AzureDevOpsApi(ForgeHttp http, String repositoryUrl, String authorization) throws HttpFailure {
        this.http = http;
        this.repo = repoBase(repositoryUrl);
        this.headers = ForgeHttp.jsonHeaders("application/json", authorization);
    }

    /** The repository's API URL, {@code <server>/<organization>/<project>/_apis/git/repositories/<repository>}. */
    public static String repoBase(String repositoryUrl) throws HttpFailure {
        RepoUrl u = RepoUrl.parse(repositoryUrl);
        int git = u.path().indexOf("_git");
        if (git < 1 || git != u.path().size() - 2) {
            throw HttpFailure.failed("spec.url must name an Azure DevOps repository as "
                    + "https://dev.azure.com/<organization>/<project>/_git/<repository>");
        }
        List<String> before = u.path().subList(0, git).stream().map(RepoUrl::segment).toList();
        return u.origin() + "/" + String.join("/", before) + "/_apis/git/repositories/"
                + RepoUrl.segment(u.path().get(git + 1));
    }

    @Override
    public List<Listed.ChangeRequest> changeRequests(Predicate<Listed> passes, int limit) throws HttpFailure {
        String first = repo + "/pullrequests?searchCriteria.status=active&%24top=" + PAGE + "&%24skip=0&api-version=7.1";
        return Pages.collect(http, URI.create(first), headers, page -> {
            List<Listed.ChangeRequest> out = new ArrayList<>();
            for (JsonNode pr : Pages.array(page, "value", "Azure DevOps pullrequests")) {
                List<String> labels = new ArrayList<>();
                pr.path("labels").forEach(l -> labels.add(l.path("name").asText()));
                out.add(new Listed.ChangeRequest(pr.path("pullRequestId").asLong(),
                        pr.path("lastMergeSourceCommit").path("commitId").asText(),
                        pr.path("sourceRefName").asText().replaceFirst("^refs/heads/", ""),
                        pr.path("createdBy").path("displayName").asText(), pr.path("title").asText(), labels));
            }
            return out;
        }, (r, body) -> {
            int count = body.path("value").size();
            if (count < PAGE) {
                return null;
            }
            String u = r.uri().toString();
            long skip = Long.parseLong(u.replaceAll(".*%24skip=(\\d+).*", "$1"));
            return URI.create(u.replace("%24skip=" + skip, "%24skip=" + (skip + PAGE)));
        }, passes, limit);
    }

    @Override
    public List<Listed.Ref> branches(Predicate<Listed> passes, int limit) throws HttpFailure {
        return refs("heads/", passes, limit);
    }

    @Override
    public List<Listed.Ref> tags() throws HttpFailure {
        return refs("tags/", x -> true, Integer.MAX_VALUE);
    }

    private List<Listed.Ref> refs(String filter, Predicate<Listed> passes, int limit) throws HttpFailure {
        URI first = URI.create(repo + "/refs?filter=" + RepoUrl.segment(filter) + "&peelTags=true&%24top=1000"
                + "&api-version=7.1");
        String prefix = "refs/" + filter;
        return Pages.collect(http, first, headers, page -> {
            List<Listed.Ref> out = new ArrayList<>();
            for (JsonNode ref : Pages.array(page, "value", "Azure DevOps refs")) {
                String peeled = ref.path("peeledObjectId").asText();
                out.add(new Listed.Ref(ref.path("name").asText().replaceFirst("^" + prefix, ""),
                        peeled.isEmpty() ? ref.path("objectId").asText() : peeled));
            }
            return out;
        }, (r, body) -> {
            String token = r.header("x-ms-continuationtoken");
            return token.isEmpty() ? null : URI.create(first + "&continuationToken=" + RepoUrl.segment(token));
        }, passes, limit);
    }
}
