package dev.rset.forge.providers.git;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rset.forge.inputs.Listed;
import dev.rset.forge.providers.http.HttpFailure;
import dev.rset.forge.providers.http.Pages;
import java.util.ArrayList;
import java.util.List;

/** A page of open pull requests as GitHub lists them; Gitea and Forgejo answer in the same shape. */
final class GitHubShapedPulls {
    private GitHubShapedPulls() {
    }

    static List<Listed.ChangeRequest> read(JsonNode page, String what) throws HttpFailure {
        List<Listed.ChangeRequest> out = new ArrayList<>();
        for (JsonNode pr : Pages.array(page, "", what)) {
            List<String> labels = new ArrayList<>();
            pr.path("labels").forEach(l -> labels.add(l.path("name").asText()));
            out.add(new Listed.ChangeRequest(pr.path("number").asLong(), pr.path("head").path("sha").asText(),
                    pr.path("head").path("ref").asText(), pr.path("user").path("login").asText(),
                    pr.path("title").asText(), labels));
        }
        return out;
    }
}
