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
 * GitLab's REST API v4 on gitlab.com or a self-managed server: the project is its full path
 * (nested groups included) URL-encoded as one segment; pages follow {@code X-Next-Page}. Merge
 * requests are the {@code opened} ones; environments export their last running deployment, or the
 * last successful one while the environment is available.
 */
public final class GitLabApi implements GitForge {
    private final ForgeHttp http;
    private final String project;
    private final Map<String, String> headers;

    /**
     * @param headers authentication headers ({@code PRIVATE-TOKEN} or {@code Authorization}), maybe none
     */
    public GitLabApi(ForgeHttp http, String repositoryUrl, Map<String, String> headers) throws HttpFailure {
        this.http = http;
        this.project = projectBase(repositoryUrl);
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put("Accept", "application/json");
        this.headers = Map.copyOf(h);
    }

    /** The project's API URL, {@code <server>/api/v4/projects/<url-encoded full path>}. */
    public static String projectBase(String repositoryUrl) throws HttpFailure {
        RepoUrl u = RepoUrl.parse(repositoryUrl);
        if (u.path().size() < 2) {
            throw HttpFailure.failed("spec.url must name a GitLab project as <server>/<group>[/<subgroup>…]/<project>");
        }
        return u.origin() + "/api/v4/projects/" + RepoUrl.segment(String.join("/", u.path()));
    }

    /** Pagination by {@code X-Next-Page}. */
    public static Pages.Next byNextPage() {
        return (r, body) -> {
            String next = r.header("X-Next-Page").trim();
            if (next.isEmpty()) {
                return null;
            }
            String uri = r.uri().toString().replaceAll("([?&])page=\\d+&?", "$1").replaceAll("[?&]$", "");
            return URI.create(uri + (uri.contains("?") ? "&" : "?") + "page=" + RepoUrl.segment(next));
        };
    }

    @Override
    public List<Listed.ChangeRequest> changeRequests(Predicate<Listed> passes, int limit) throws HttpFailure {
        return Pages.collect(http, URI.create(project + "/merge_requests?state=opened&per_page=100"), headers, page -> {
            List<Listed.ChangeRequest> out = new ArrayList<>();
            for (JsonNode mr : Pages.array(page, "", "GitLab merge requests")) {
                List<String> labels = new ArrayList<>();
                mr.path("labels").forEach(l -> labels.add(l.isObject() ? l.path("name").asText() : l.asText()));
                out.add(new Listed.ChangeRequest(mr.path("iid").asLong(), mr.path("sha").asText(),
                        mr.path("source_branch").asText(), mr.path("author").path("username").asText(),
                        mr.path("title").asText(), labels));
            }
            return out;
        }, byNextPage(), passes, limit);
    }

    @Override
    public List<Listed.Ref> branches(Predicate<Listed> passes, int limit) throws HttpFailure {
        return refs("/repository/branches", passes, limit);
    }

    @Override
    public List<Listed.Ref> tags() throws HttpFailure {
        return refs("/repository/tags", x -> true, Integer.MAX_VALUE);
    }

    private List<Listed.Ref> refs(String path, Predicate<Listed> passes, int limit) throws HttpFailure {
        return Pages.collect(http, URI.create(project + path + "?per_page=100"), headers, page -> {
            List<Listed.Ref> out = new ArrayList<>();
            for (JsonNode ref : Pages.array(page, "", "GitLab " + path)) {
                out.add(new Listed.Ref(ref.path("name").asText(), ref.path("commit").path("id").asText()));
            }
            return out;
        }, byNextPage(), passes, limit);
    }

    @Override
    public List<Listed.Environment> environments(Predicate<Listed> passes, int limit) throws HttpFailure {
        List<JsonNode> envs = Pages.collect(http, URI.create(project + "/environments?per_page=100"), headers,
                page -> Pages.array(page, "", "GitLab environments"), byNextPage(), x -> true, Integer.MAX_VALUE);
        List<Listed.Environment> out = new ArrayList<>();
        for (JsonNode env : envs) {
            Listed.Environment named = new Listed.Environment(env.path("id").asLong(), env.path("name").asText(),
                    env.path("slug").asText(), "", "", "");
            if (!passes.test(named)) {
                continue;
            }
            JsonNode deployment = lastDeployment(named.name(), "available".equals(env.path("state").asText()));
            if (deployment == null) {
                continue;
            }
            JsonNode deployable = deployment.path("deployable");
            out.add(new Listed.Environment(named.id(), named.name(), named.slug(),
                    deployable.path("commit").path("id").asText(), deployable.path("ref").asText(),
                    deployment.path("user").path("username").asText()));
            if (out.size() >= limit) {
                break;
            }
        }
        return out;
    }

    /** The newest deployment that is running, or successful while the environment is available. */
    private JsonNode lastDeployment(String environment, boolean available) throws HttpFailure {
        URI uri = URI.create(project + "/deployments?environment=" + RepoUrl.segment(environment)
                + "&order_by=created_at&sort=desc");
        for (JsonNode d : Pages.array(http.getJson(uri, headers), "", "GitLab deployments")) {
            String status = d.path("status").asText();
            if (status.equals("running") || available && status.equals("success")) {
                return d;
            }
        }
        return null;
    }
}
