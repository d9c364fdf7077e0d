package dev.rset.providers.aws;

import dev.rset.core.api.AwsSourceUrl;
import dev.rset.forge.inputs.Listed;
import dev.rset.forge.providers.git.GitForge;
import dev.rset.forge.providers.http.HttpFailure;
import dev.rset.forge.providers.http.Pages;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.codecommit.CodeCommitClient;
import software.amazon.awssdk.services.codecommit.model.GetPullRequestRequest;
import software.amazon.awssdk.services.codecommit.model.ListBranchesResponse;
import software.amazon.awssdk.services.codecommit.model.ListPullRequestsResponse;
import software.amazon.awssdk.services.codecommit.model.PullRequest;
import software.amazon.awssdk.services.codecommit.model.PullRequestStatusEnum;
import software.amazon.awssdk.services.codecommit.model.PullRequestTarget;

/**
 * One CodeCommit repository through its API: open pull requests ({@code ListPullRequests}, then
 * {@code GetPullRequest} for each id) and branches ({@code ListBranches}, then {@code GetBranch}
 * only for the branches that pass the filter), both paged by {@code nextToken}. The API has no tag
 * listing: tags are read from the Git endpoint ({@link AwsSdkSources#codeCommitGit}), as the Flux
 * Operator reads them with {@code git ls-remote}.
 */
final class CodeCommitRepository implements GitForge {
    /** ListPullRequests' maximum page size. */
    static final int PAGE_SIZE = 100;

    private final CodeCommitClient client;
    private final AwsSourceUrl.CodeCommit repo;
    /** The whole listing's reconcile timeout, every page and pull request included (monotonic time). */
    private final long deadlineNanos;
    private final Clock clock;

    CodeCommitRepository(CodeCommitClient client, AwsSourceUrl.CodeCommit repo, Duration timeout, Clock clock) {
        this.client = client;
        this.repo = repo;
        this.deadlineNanos = System.nanoTime() + timeout.toNanos();
        this.clock = clock;
    }

    @Override
    public List<Listed.ChangeRequest> changeRequests(Predicate<Listed> passes, int limit) throws HttpFailure {
        List<Listed.ChangeRequest> out = new ArrayList<>();
        Pager pager = new Pager("ListPullRequests");
        for (String token = null; pager.next(token); ) {
            String page = token;
            ListPullRequestsResponse r = call("ListPullRequests", () -> client.listPullRequests(b -> b
                    .repositoryName(repo.repository()).pullRequestStatus(PullRequestStatusEnum.OPEN)
                    .maxResults(PAGE_SIZE).nextToken(page).overrideConfiguration(budget())));
            for (String id : r.pullRequestIds()) {
                PullRequest pr = call("GetPullRequest " + id, () -> client.getPullRequest(
                        GetPullRequestRequest.builder().pullRequestId(id).overrideConfiguration(budget()).build()))
                        .pullRequest();
                Listed.ChangeRequest listed = changeRequest(id, pr);
                if (listed != null && passes.test(listed)) {
                    out.add(listed);
                    if (out.size() >= limit) {
                        return out;
                    }
                }
            }
            token = r.nextToken();
        }
        return out;
    }

    @Override
    public List<Listed.Ref> branches(Predicate<Listed> passes, int limit) throws HttpFailure {
        List<Listed.Ref> out = new ArrayList<>();
        Pager pager = new Pager("ListBranches");
        for (String token = null; pager.next(token); ) {
            String page = token;
            ListBranchesResponse r = call("ListBranches", () -> client.listBranches(b -> b
                    .repositoryName(repo.repository()).nextToken(page).overrideConfiguration(budget())));
            for (String name : r.branches()) {
                // The filter reads only the name; the commit is asked for the branches that are kept.
                if (!passes.test(new Listed.Ref(name, ""))) {
                    continue;
                }
                String sha = call("GetBranch " + name, () -> client.getBranch(b -> b
                        .repositoryName(repo.repository()).branchName(name).overrideConfiguration(budget())))
                        .branch().commitId();
                out.add(new Listed.Ref(name, sha));
                if (out.size() >= limit) {
                    return out;
                }
            }
            token = r.nextToken();
        }
        return out;
    }

    @Override
    public List<Listed.Ref> tags() throws HttpFailure {
        throw HttpFailure.failed("the CodeCommit API has no tag listing; tags are read over Git");
    }

    /** Pull requests without a source branch (their source was deleted) export nothing. */
    private static Listed.ChangeRequest changeRequest(String id, PullRequest pr) throws HttpFailure {
        if (pr == null || pr.pullRequestTargets().isEmpty()) {
            return null;
        }
        PullRequestTarget target = pr.pullRequestTargets().get(0);
        if (target.sourceReference() == null || target.sourceCommit() == null) {
            return null;
        }
        long number;
        try {
            number = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw HttpFailure.failed("GetPullRequest: pull request id \"" + id + "\" is not a number");
        }
        String branch = target.sourceReference().replaceFirst("^refs/heads/", "");
        String arn = pr.authorArn() == null ? "" : pr.authorArn();
        String author = arn.substring(arn.lastIndexOf('/') + 1);
        return new Listed.ChangeRequest(number, target.sourceCommit(), branch, author,
                pr.title() == null ? "" : pr.title(), List.of());
    }

    private AwsRequestOverrideConfiguration budget() {
        Duration left = Duration.ofNanos(Math.max(1_000_000, deadlineNanos - System.nanoTime()));
        return AwsRequestOverrideConfiguration.builder().apiCallTimeout(left).build();
    }

    private <T> T call(String what, Supplier<T> call) throws HttpFailure {
        if (deadlineNanos - System.nanoTime() <= 0) {
            throw new HttpFailure(HttpFailure.Kind.TIMEOUT, 0, null, "CodeCommit " + what + " (" + repo.repository()
                    + "): the reconcile timeout ran out");
        }
        try {
            return call.get();
        } catch (SdkException e) {
            throw SdkFailures.of(e, "CodeCommit " + what + " (" + repo.repository() + " in " + repo.region() + ")",
                    clock);
        }
    }

    /** Stops at the last page, and refuses a token seen before or more pages than any forge gets. */
    private final class Pager {
        private final String call;
        private final Set<String> seen = new HashSet<>();
        private int pages;

        Pager(String call) {
            this.call = call;
        }

        boolean next(String token) throws HttpFailure {
            if (pages > 0 && (token == null || token.isEmpty())) {
                return false;
            }
            if (++pages > Pages.MAX_PAGES || (token != null && !seen.add(token))) {
                throw HttpFailure.failed("CodeCommit " + call + " (" + repo.repository() + "): more than "
                        + Pages.MAX_PAGES + " pages, or a repeated nextToken");
            }
            return true;
        }
    }
}
