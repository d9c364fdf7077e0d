package dev.rset.scheduler.poll;

import dev.rset.core.api.ProviderType;
import dev.rset.core.api.ResourceSetInputProvider;
import dev.rset.forge.inputs.Listed;
import dev.rset.forge.inputs.PolledInputs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.codecommit.CodeCommitClient;
import software.amazon.awssdk.services.codecommit.model.CodeCommitException;
import software.amazon.awssdk.services.codecommit.model.ListPullRequestsResponse;
import software.amazon.awssdk.services.codecommit.model.PullRequest;
import software.amazon.awssdk.services.codecommit.model.PullRequestStatusEnum;
import software.amazon.awssdk.services.codecommit.model.PullRequestTarget;
import software.amazon.awssdk.services.codecommit.model.RepositoryDoesNotExistException;

/**
 * {@code AWSCodeCommitPullRequest} providers through the CodeCommit API with the function's own
 * role: the open pull requests (ListPullRequests, then GetPullRequest each), exported as change
 * requests ({@code id}, {@code sha}, {@code branch}, {@code author}, {@code title}, no labels:
 * CodeCommit has none). The author is the last part of the author's ARN. Every other type goes to
 * {@code next}; the Branch and Tag types, which the Flux Operator reads over Git's smart HTTP
 * protocol, are not polled yet.
 */
public final class CodeCommitPoller implements ProviderPoller {
    /** {@code https://git-codecommit[-fips].<region>.amazonaws.com/v1/repos/<repository>}. */
    private static final Pattern URL = Pattern.compile(
            "^https://git-codecommit(?:-fips)?\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?/v1/repos/([^/]+)$");

    private final Function<String, CodeCommitClient> clients;
    private final ProviderPoller next;

    /** {@code clients}: a CodeCommit client for a region (the provider's URL names it). */
    public CodeCommitPoller(Function<String, CodeCommitClient> clients, ProviderPoller next) {
        this.clients = clients;
        this.next = next;
    }

    @Override
    public PollResult poll(ResourceSetInputProvider provider, Duration timeout) {
        ProviderType type = provider.spec().type();
        if (type == ProviderType.AWS_CODECOMMIT_BRANCH || type == ProviderType.AWS_CODECOMMIT_TAG) {
            return new PollResult.Failed("ReconciliationFailed", type.wire() + " providers are not polled yet (the "
                    + "pull request type is)", Optional.empty());
        }
        if (type != ProviderType.AWS_CODECOMMIT_PULL_REQUEST) {
            return next.poll(provider, timeout);
        }
        Matcher m = URL.matcher(provider.spec().url());
        if (!m.matches()) {
            return new PollResult.Failed("ReconciliationFailed", "spec.url: " + provider.spec().url() + " is not a CodeCommit "
                    + "repository (https://git-codecommit.<region>.amazonaws.com/v1/repos/<repository>)",
                    Optional.empty());
        }
        String region = m.group(1);
        String repo = m.group(2);
        try {
            List<Listed.ChangeRequest> open = openRequests(clients.apply(region), repo, PolledInputs.filter(provider),
                    provider.spec().filter().limit(), timeout);
            Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
            PolledInputs.changeRequests(provider, open, List.of())
                    .forEach(i -> byId.put(String.valueOf(i.get("id")), i));
            return new PollResult.Listed(byId);
        } catch (RepositoryDoesNotExistException e) {
            return new PollResult.Failed("NotFound", "CodeCommit repository " + repo + " not found in " + region,
                    Optional.empty());
        } catch (CodeCommitException e) {
            int status = e.statusCode();
            String reason = status == 401 ? "Unauthorized" : status == 403 ? "Forbidden"
                    : status == 429 || "ThrottlingException".equals(e.awsErrorDetails().errorCode()) ? "RateLimited"
                    : status >= 500 ? "ServerError" : "ReconciliationFailed";
            return new PollResult.Failed(reason, "CodeCommit on " + repo + " answered " + status + ": "
                    + e.awsErrorDetails().errorCode(), Optional.empty());
        } catch (software.amazon.awssdk.core.exception.ApiCallTimeoutException e) {
            return new PollResult.Failed("Timeout", "the poll took longer than " + timeout, Optional.empty());
        } catch (SdkClientException e) {
            return new PollResult.Failed("ReconciliationFailed", "CodeCommit in " + region + " could not be reached: "
                    + e.getMessage(), Optional.empty());
        }
    }

    /** Open requests page by page until {@code limit} pass the filters; a page token seen twice ends the listing. */
    private static List<Listed.ChangeRequest> openRequests(CodeCommitClient cc, String repo, Predicate<Listed> passes,
            int limit, Duration timeout) {
        List<Listed.ChangeRequest> out = new ArrayList<>();
        Set<String> tokens = new HashSet<>();
        String token = null;
        do {
            String page = token;
            ListPullRequestsResponse ids = cc.listPullRequests(b -> b.repositoryName(repo)
                    .pullRequestStatus(PullRequestStatusEnum.OPEN).maxResults(100).nextToken(page)
                    .overrideConfiguration(c -> c.apiCallTimeout(timeout)));
            for (String id : ids.pullRequestIds()) {
                PullRequest pr = cc.getPullRequest(b -> b.pullRequestId(id)
                        .overrideConfiguration(c -> c.apiCallTimeout(timeout))).pullRequest();
                if (pr == null || pr.pullRequestTargets().isEmpty()) {
                    continue;
                }
                PullRequestTarget target = pr.pullRequestTargets().get(0);
                if (target.sourceReference() == null || target.sourceCommit() == null) {
                    continue;
                }
                String arn = pr.authorArn() == null ? "" : pr.authorArn();
                Listed.ChangeRequest r = new Listed.ChangeRequest(Long.parseLong(id), target.sourceCommit(),
                        target.sourceReference().replaceFirst("^refs/heads/", ""),
                        arn.substring(arn.lastIndexOf('/') + 1), pr.title() == null ? "" : pr.title(), List.of());
                if (passes.test(r)) {
                    out.add(r);
                    if (out.size() >= limit) {
                        return out;
                    }
                }
            }
            token = ids.nextToken();
        } while (token != null && !token.isEmpty() && tokens.add(token));
        return out;
    }
}
