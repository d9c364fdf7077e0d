package dev.rset.core.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AWS repository a CodeCommit or ECR provider's {@code spec.url} names, and the region its API
 * is called in. The shapes are the Flux Operator's: CodeCommit takes the repository's HTTPS clone
 * URL, ECR an {@code oci://} URL on the account's private registry host.
 */
public sealed interface AwsSourceUrl {
    String region();

    /** {@code https://git-codecommit.<region>.amazonaws.com/v1/repos/<repository>} */
    record CodeCommit(String region, String repository) implements AwsSourceUrl {
    }

    /** {@code oci://<registryId>.dkr.ecr.<region>.amazonaws.com/<repository>} */
    record Ecr(String registryId, String region, String host, String repository) implements AwsSourceUrl {
    }

    Pattern CODECOMMIT = Pattern.compile(
            "https://git-codecommit(?:-fips)?\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?/v1/repos/([A-Za-z0-9._-]{1,100})/?");
    Pattern ECR = Pattern.compile(
            "oci://(([0-9]{12})\\.dkr\\.ecr(?:-fips)?\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?)/([a-z0-9][a-z0-9._/-]*)");

    /** Reads {@code url} for a provider of {@code type}; the message says what shape was expected. */
    static AwsSourceUrl parse(ProviderType type, String url) {
        switch (type) {
            case AWS_CODECOMMIT_PULL_REQUEST, AWS_CODECOMMIT_BRANCH, AWS_CODECOMMIT_TAG -> {
                Matcher m = CODECOMMIT.matcher(url);
                if (!m.matches()) {
                    throw new IllegalArgumentException("\"" + url + "\" is not a CodeCommit repository URL: expected "
                            + "https://git-codecommit.<region>.amazonaws.com/v1/repos/<repository>");
                }
                return new CodeCommit(m.group(1), m.group(2));
            }
            case ECR_ARTIFACT_TAG -> {
                Matcher m = ECR.matcher(url);
                if (!m.matches() || m.group(4).endsWith("/")) {
                    throw new IllegalArgumentException("\"" + url + "\" is not an ECR repository URL: expected "
                            + "oci://<account>.dkr.ecr.<region>.amazonaws.com/<repository>");
                }
                return new Ecr(m.group(2), m.group(3), m.group(1), m.group(4));
            }
            default -> throw new IllegalArgumentException(type.wire() + " is not an AWS provider type");
        }
    }

    static boolean isAws(ProviderType type) {
        return switch (type) {
            case AWS_CODECOMMIT_PULL_REQUEST, AWS_CODECOMMIT_BRANCH, AWS_CODECOMMIT_TAG, ECR_ARTIFACT_TAG -> true;
            default -> false;
        };
    }
}
