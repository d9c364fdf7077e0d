package dev.rset.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rset.core.inputs.InputIds;
import dev.rset.forge.event.ChangeRequestEvent;
import dev.rset.forge.event.EventParser;
import dev.rset.forge.event.ForgeEvent;
import dev.rset.forge.hook.Delivery;
import dev.rset.forge.hook.Headers;
import dev.rset.forge.hook.ReceiverType;
import dev.rset.forge.testing.Objects;
import dev.rset.forge.testing.SignedRequest;
import dev.rset.forge.testing.Signer;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;
import dev.rset.store.Ordering;
import dev.rset.store.ProviderId;
import dev.rset.store.StoredInput;
import dev.rset.store.testing.MotoServer;
import dev.rset.webhook.testing.World;
import dev.rset.webhook.testing.World.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Posts every published sample delivery under {@code shared/webhooks} (system property
 * {@code webhook.samples}) through the handler, signed for its forge and received the day after
 * the forge's samples were made (older change request events are refused), and checks the outcome
 * the samples' README names. Skipped when the folder is absent.
 *
 * <p>Two samples do not do what the README's one-line summary says, and the test checks what
 * they really contain: {@code github/push.json} deletes the tag {@code simple-tag} (so branch
 * providers are untouched and a tag provider loses it), and the Azure DevOps
 * {@code git.pullrequest.updated} sample is older ({@code createdDate}) than the
 * {@code created} one, so the ordering guard leaves PR 1 as it is (it stays, unchanged).
 */
@ExtendWith(MotoServer.class)
class SampleReplayTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Ordering SEED = new Ordering(Instant.parse("2000-01-01T00:00:00Z"), "seed");
    private static Path samples;
    private static int sequence;

    private World world;

    @BeforeEach
    void folder() {
        samples = Path.of(System.getProperty("webhook.samples", "../../../shared/webhooks"));
        Assumptions.assumeTrue(Files.isDirectory(samples), "no sample deliveries at " + samples.toAbsolutePath());
    }

    private static JsonNode sample(String file) {
        try {
            return JSON.readTree(Files.readAllBytes(samples.resolve(file)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Response post(String digest, ReceiverType type, String token, String file, String event) {
        byte[] body;
        try {
            body = Files.readAllBytes(samples.resolve(file));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // Ties of the update time (GitHub's opened and synchronize samples share 15:20:33Z) fall to
        // the bodies' digests, not to these ids: there the synchronize sample's is the higher.
        SignedRequest r = Signer.sign(type, token, event, String.format("replay-%03d", ++sequence), body);
        if (type == ReceiverType.FORGEJO) {
            r = r.withoutHeader("X-Gitea-Event").withoutHeader("X-Gitea-Delivery").withoutHeader("X-Gitea-Signature");
        }
        Response resp = world.post(digest, r);
        assertEquals(200, resp.status(), file + ": " + resp);
        return resp;
    }

    private Map<String, Map<String, Object>> inputs(String provider) {
        return world.inputs(provider).stream().collect(Collectors.toMap(StoredInput::id, StoredInput::values));
    }

    private void seed(String provider, String id, Map<String, Object> values) {
        world.stores.inputs().put(new ProviderId(World.NS, provider), id, values, SEED);
    }

    private String receiver(ReceiverType type, String token, String prefix) {
        return world.receiver(prefix, type, token, List.of(), List.of(Map.of("kind", "ResourceSetInputProvider",
                "name", "*", "matchLabels", Map.of("forge", prefix))));
    }

    /** Providers named {@code <group>-<type in lower case>}, labelled {@code forge=<group>} for the receiver to select. */
    private void providers(String group, String url, String... types) {
        for (String type : types) {
            String name = group + "-" + type.toLowerCase(java.util.Locale.ROOT);
            world.stores.definitions().put(new ObjectKey(Kind.RESOURCE_SET_INPUT_PROVIDER, World.NS, name),
                    Map.of("apiVersion", "fluxcd.controlplane.io/v1", "kind", "ResourceSetInputProvider",
                            "metadata", Map.of("name", name, "namespace", World.NS, "labels", Map.of("forge", group)),
                            "spec", Map.of("type", type, "url", url)), Map.of("forge", group), 0);
        }
    }

    /** What each forge calls opening a request, as its published samples send it: the input is taken as new. */
    @Test
    void theSamplesThatOpenARequestAreToldFromTheOthers() throws IOException {
        Map<String, Boolean> opens = new java.util.TreeMap<>();
        for (String[] s : List.of(
                new String[] {"GITHUB", "github/pull_request.opened.json", "pull_request"},
                new String[] {"GITHUB", "github/pull_request.synchronize.json", "pull_request"},
                new String[] {"GITHUB", "github/pull_request.closed.json", "pull_request"},
                new String[] {"GITLAB", "gitlab/merge-request-event.json", "Merge Request Hook"},
                new String[] {"GITEA", "gitea/pull-request-event.json", "pull_request"},
                new String[] {"AZURE_DEVOPS", "azuredevops/git.pullrequest.created.json", ""},
                new String[] {"AZURE_DEVOPS", "azuredevops/git.pullrequest.updated.json", ""})) {
            ReceiverType type = ReceiverType.valueOf(s[0]);
            SignedRequest r = Signer.sign(type, "t", s[2], "d", Files.readAllBytes(samples.resolve(s[1])));
            ForgeEvent e = EventParser.parse(type, new Delivery(Headers.of(r.headers()), r.body(), Instant.now()))
                    .event();
            opens.put(s[1], ((ChangeRequestEvent) e).opens());
        }
        assertEquals(Map.of("github/pull_request.opened.json", true, "github/pull_request.synchronize.json", false,
                "github/pull_request.closed.json", false, "gitlab/merge-request-event.json", true,
                "gitea/pull-request-event.json", true, "azuredevops/git.pullrequest.created.json", true,
                "azuredevops/git.pullrequest.updated.json", false), opens);
    }

    @Test
    void github(MotoServer moto) {
        world = World.create(moto, Instant.parse("2019-05-16T00:00:00Z"));
        String digest = receiver(ReceiverType.GITHUB, "gh-token", "gh");
        providers("gh", "https://github.com/Codertocat/Hello-World", "GitHubPullRequest", "GitHubBranch", "GitHubTag");
        seed("gh-githubtag", InputIds.of("simple-tag"), Map.of("id", InputIds.of("simple-tag"), "tag", "simple-tag",
                "sha", "6113728f27ae82c7b1a177c8d03f9e96e0adf246"));

        Response ping = post(digest, ReceiverType.GITHUB, "gh-token", "github/ping.json", "ping");
        assertTrue(ping.message().startsWith("pong"), ping.toString());
        assertEquals(Map.of(), inputs("gh-githubpullrequest"));

        post(digest, ReceiverType.GITHUB, "gh-token", "github/pull_request.opened.json", "pull_request");
        assertEquals(Map.of("2", Map.of("id", "2", "sha", "ec26c3e57ca3a959ca5aad62de7213c562f8c821",
                "branch", "changes", "author", "Codertocat", "title", "Update the README with new information.",
                "labels", List.of("bug"))), inputs("gh-githubpullrequest"));

        post(digest, ReceiverType.GITHUB, "gh-token", "github/pull_request.synchronize.json", "pull_request");
        assertEquals(sample("github/pull_request.synchronize.json").at("/pull_request/head/sha").asText(),
                inputs("gh-githubpullrequest").get("2").get("sha"));

        post(digest, ReceiverType.GITHUB, "gh-token", "github/pull_request.closed.json", "pull_request");
        assertEquals(Map.of(), inputs("gh-githubpullrequest"));

        post(digest, ReceiverType.GITHUB, "gh-token", "github/push.json", "push");
        assertEquals(Map.of(), inputs("gh-githubbranch"), "a tag deletion leaves branch providers alone");
        assertEquals(Map.of(), inputs("gh-githubtag"), "the deleted tag is removed");
    }

    @Test
    void gitlab(MotoServer moto) {
        world = World.create(moto, Instant.parse("2013-12-04T00:00:00Z"));
        String digest = receiver(ReceiverType.GITLAB, "gl-token", "gl");
        providers("gl", "http://example.com/gitlabhq/gitlab-test", "GitLabMergeRequest");
        providers("gl", "http://example.com/mike/diaspora", "GitLabBranch");
        providers("gl", "http://example.com/jsmith/example", "GitLabTag");

        post(digest, ReceiverType.GITLAB, "gl-token", "gitlab/merge-request-event.json", "Merge Request Hook");
        assertEquals(Map.of("1", Map.of("id", "1", "sha", "da1560886d4f094c3e6c9ef40349f7d38b5d27d7",
                "branch", "ms-viewport", "author", "root", "title", "MS-Viewport", "labels", List.of("API"))),
                inputs("gl-gitlabmergerequest"));

        post(digest, ReceiverType.GITLAB, "gl-token", "gitlab/push-event.json", "Push Hook");
        assertEquals(Map.of(InputIds.of("master"), Map.of("id", InputIds.of("master"), "branch", "master",
                "sha", "da1560886d4f094c3e6c9ef40349f7d38b5d27d7")), inputs("gl-gitlabbranch"));

        post(digest, ReceiverType.GITLAB, "gl-token", "gitlab/tag-event.json", "Tag Push Hook");
        assertEquals(Map.of(InputIds.of("v1.0.0"), Map.of("id", InputIds.of("v1.0.0"), "tag", "v1.0.0",
                "sha", "82b3d5ae55f7080f1e6022629cdb57bfae7cccc7")), inputs("gl-gitlabtag"));
    }

    private void giteaLike(ReceiverType type, String prefix) {
        String token = prefix + "-token";
        String digest = receiver(type, token, prefix);
        providers(prefix, "http://localhost:3000/example/example", "GiteaPullRequest", "GiteaBranch", "GiteaTag");
        seed(prefix + "-giteabranch", InputIds.of("example3"), Map.of("id", InputIds.of("example3"),
                "branch", "example3", "sha", "67b56589a45103f891bdee7c0546e5d40bc02001"));

        post(digest, type, token, "gitea/pull-request-event.json", "pull_request");
        assertEquals(Map.of("2", Map.of("id", "2", "sha", "48e773f892a831faa47c0a160d1b7f0cd369ae2a",
                "branch", "master", "author", "example2", "title", "update")), inputs(prefix + "-giteapullrequest"));

        Map<String, Object> master = Map.of("id", InputIds.of("master"), "branch", "master",
                "sha", "67b56589a45103f891bdee7c0546e5d40bc02001");
        post(digest, type, token, "gitea/push-event.json", "push");
        assertEquals(master, inputs(prefix + "-giteabranch").get(InputIds.of("master")));
        post(digest, type, token, "gitea/create-event.json", "create");
        assertEquals(master, inputs(prefix + "-giteabranch").get(InputIds.of("master")));
        post(digest, type, token, "gitea/delete-event.json", "delete");
        assertEquals(Map.of(InputIds.of("master"), master), inputs(prefix + "-giteabranch"), "example3 is removed");
        assertEquals(Map.of(), inputs(prefix + "-giteatag"));
    }

    @Test
    void gitea(MotoServer moto) {
        world = World.create(moto, Instant.parse("2022-03-10T00:00:00Z"));
        giteaLike(ReceiverType.GITEA, "gitea");
    }

    @Test
    void forgejo(MotoServer moto) {
        world = World.create(moto, Instant.parse("2022-03-10T00:00:00Z"));
        giteaLike(ReceiverType.FORGEJO, "forgejo");
    }

    @Test
    void azureDevOps(MotoServer moto) {
        world = World.create(moto, Instant.parse("2016-09-20T00:00:00Z"));
        String token = "ado-token";
        String digest = world.receiver("ado", ReceiverType.AZURE_DEVOPS, token, List.of(), List.of(
                Objects.byName("ado-prs"), Objects.byName("ado-branches")));
        world.provider("ado-prs", "AzureDevOpsPullRequest",
                "https://dev.azure.com/fabrikam/DefaultCollection/_git/Fabrikam", Map.of());
        world.provider("ado-branches", "AzureDevOpsBranch",
                "https://dev.azure.com/fabrikam-fiber-inc/DefaultCollection/_git/Fabrikam-Fiber-Git", Map.of());

        Map<String, Object> pr1 = Map.of("id", "1", "sha", "53d54ac915144006c2c9e90d2c7d3880920db49c",
                "branch", "mytopic", "author", "Jamal Hartnett", "title", "my first pull request");
        post(digest, ReceiverType.AZURE_DEVOPS, token, "azuredevops/git.pullrequest.created.json", "");
        assertEquals(Map.of("1", pr1), inputs("ado-prs"));
        post(digest, ReceiverType.AZURE_DEVOPS, token, "azuredevops/git.pullrequest.updated.json", "");
        assertEquals(Map.of("1", pr1), inputs("ado-prs"));
        post(digest, ReceiverType.AZURE_DEVOPS, token, "azuredevops/git.pullrequest.merged.json", "");
        assertEquals(Map.of(), inputs("ado-prs"));

        post(digest, ReceiverType.AZURE_DEVOPS, token, "azuredevops/git.push.json", "");
        assertEquals(Map.of(InputIds.of("main"), Map.of("id", InputIds.of("main"), "branch", "main",
                "sha", "33b55f7cb7e7e245323987634f960cf4a6e6bc74")), inputs("ado-branches"));
    }
}
