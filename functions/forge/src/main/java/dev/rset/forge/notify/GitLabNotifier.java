package dev.rset.forge.notify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rset.forge.providers.git.GitLabApi;
import dev.rset.forge.providers.http.ForgeHttp;
import dev.rset.forge.providers.http.HttpFailure;
import dev.rset.forge.providers.http.Pages;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GitLab REST API v4: {@code POST /projects/:id/statuses/:sha} (the context is the status's
 * {@code name}) and the merge request's notes ({@code GET}/{@code POST
 * /projects/:id/merge_requests/:iid/notes}, {@code PUT …/notes/:note_id}).
 */
public final class GitLabNotifier implements ChangeRequestNotifier {
    private final ForgeHttp http;
    private final String project;
    private final Map<String, String> headers;

    /** @param auth authentication headers ({@code PRIVATE-TOKEN} or {@code Authorization}), maybe none */
    public GitLabNotifier(ForgeHttp http, String repositoryUrl, Map<String, String> auth) throws HttpFailure {
        this.http = http;
        this.project = GitLabApi.projectBase(repositoryUrl);
        Map<String, String> h = new LinkedHashMap<>(auth);
        h.put("Accept", "application/json");
        this.headers = Map.copyOf(h);
    }

    @Override
    public void commitStatus(CommitStatus s) throws HttpFailure {
        Map<String, String> b = new LinkedHashMap<>();
        b.put("state", switch (s.state()) {
            case PENDING -> "pending";
            case SUCCESS -> "success";
            case FAILURE -> "failed";
        });
        b.put("name", s.context());
        b.put("description", s.description());
        if (!s.targetUrl().isEmpty()) {
            b.put("target_url", s.targetUrl());
        }
        http.sendJson("POST", URI.create(project + "/statuses/" + s.sha()), headers, b);
    }

    @Override
    public void upsertComment(long number, String marker, String body) throws HttpFailure {
        String notes = project + "/merge_requests/" + number + "/notes";
        List<JsonNode> listed = Pages.collect(http, URI.create(notes + "?per_page=100"), headers,
                page -> Pages.array(page, "", "GitLab merge request notes"), GitLabApi.byNextPage(),
                n -> n.path("body").asText().startsWith(marker), 1);
        JsonNode mine = listed.isEmpty() ? null : listed.get(listed.size() - 1);
        if (mine == null || !mine.path("body").asText().startsWith(marker)) {
            http.sendJson("POST", URI.create(notes), headers, Map.of("body", body));
        } else if (!mine.path("body").asText().equals(body)) {
            http.sendJson("PUT", URI.create(notes + "/" + mine.path("id").asLong()), headers, Map.of("body", body));
        }
    }
}
