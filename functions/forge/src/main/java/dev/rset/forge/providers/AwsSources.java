package dev.rset.forge.providers;

import dev.rset.core.api.AwsSourceUrl;
import dev.rset.forge.providers.git.GitForge;
import dev.rset.forge.providers.http.HttpFailure;
import java.time.Duration;

/**
 * The port to AWS-hosted sources (CodeCommit repositories, ECR registries), which are reached with
 * the function's own role through the AWS SDK. This module stays free of the SDK; the adapter lives
 * in {@code functions/providers-aws}. SDK errors arrive as {@link HttpFailure}s of the same kinds as
 * HTTP statuses (throttling is {@code RATE_LIMITED}, access denied {@code FORBIDDEN}).
 */
public interface AwsSources {
    /** A CodeCommit repository's pull requests, branches and tags. */
    GitForge codeCommit(AwsSourceUrl.CodeCommit repository, Duration timeout) throws HttpFailure;

    /**
     * Credentials for a CodeCommit repository's Git smart HTTP endpoint (its tags: the API has no tag
     * listing), signed with the function's role as {@code git-remote-codecommit} signs them.
     */
    GitLogin codeCommitGit(AwsSourceUrl.CodeCommit repository) throws HttpFailure;

    /** Credentials for an ECR registry's OCI distribution API. */
    RegistryLogin ecrLogin(AwsSourceUrl.Ecr repository, Duration timeout) throws HttpFailure;

    /**
     * Where and how to read an ECR repository's tags over the OCI distribution API.
     *
     * @param url the {@code oci://} URL to list (the provider's, or a test registry's)
     * @param insecure plain HTTP (test registries only)
     */
    record RegistryLogin(String url, boolean insecure, String username, String password) {
        @Override
        public String toString() {
            return "RegistryLogin[url=" + url + ", username=" + username + "]";
        }
    }

    /**
     * Where and how to read a repository's Git refs.
     *
     * @param url the repository's HTTPS clone URL (the provider's, or a test server's)
     */
    record GitLogin(String url, String username, String password) {
        @Override
        public String toString() {
            return "GitLogin[url=" + url + ", username=***]";
        }
    }

    /** For callers that do not poll AWS sources (the CLI's offline commands). */
    AwsSources NONE = new AwsSources() {
        @Override
        public GitForge codeCommit(AwsSourceUrl.CodeCommit repository, Duration timeout) throws HttpFailure {
            throw HttpFailure.failed("AWS CodeCommit providers are not polled here");
        }

        @Override
        public GitLogin codeCommitGit(AwsSourceUrl.CodeCommit repository) throws HttpFailure {
            throw HttpFailure.failed("AWS CodeCommit providers are not polled here");
        }

        @Override
        public RegistryLogin ecrLogin(AwsSourceUrl.Ecr repository, Duration timeout) throws HttpFailure {
            throw HttpFailure.failed("ECR providers are not polled here");
        }
    };
}
