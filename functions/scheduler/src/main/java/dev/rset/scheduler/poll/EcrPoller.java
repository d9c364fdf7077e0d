package dev.rset.scheduler.poll;

import dev.rset.core.api.ProviderType;
import dev.rset.core.api.ResourceSetInputProvider;
import dev.rset.forge.inputs.Listed;
import dev.rset.forge.inputs.PolledInputs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ecr.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ecr.model.EcrException;
import software.amazon.awssdk.services.ecr.model.ImageDetail;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import software.amazon.awssdk.services.ecr.model.TagStatus;

/**
 * {@code ECRArtifactTag} providers through the ECR API with the function's own role (the Flux
 * Operator's secret-less authentication), then the OCI tag rules of the other providers: the
 * exported inputs are {@code id} (Adler-32 of the tag), {@code tag} and {@code digest}
 * ({@code sha256:<hash>}, the image manifest's). Every other type goes to {@code next}.
 */
public final class EcrPoller implements ProviderPoller {
    /** {@code oci://<account>.dkr.ecr.<region>.amazonaws.com[.cn]/<repository>}. */
    private static final Pattern URL = Pattern.compile(
            "^oci://(\\d{12})\\.dkr\\.ecr(?:-fips)?\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?/(.+)$");

    private final Function<String, EcrClient> clients;
    private final ProviderPoller next;

    /** {@code clients}: an ECR client for a region (the provider's URL names it). */
    public EcrPoller(Function<String, EcrClient> clients, ProviderPoller next) {
        this.clients = clients;
        this.next = next;
    }

    /** The parts of an ECR repository URL. */
    record Repository(String registryId, String region, String name) {
        static Optional<Repository> of(String url) {
            Matcher m = URL.matcher(url);
            return m.matches() ? Optional.of(new Repository(m.group(1), m.group(2), m.group(3))) : Optional.empty();
        }
    }

    @Override
    public PollResult poll(ResourceSetInputProvider provider, Duration timeout) {
        if (provider.spec().type() != ProviderType.ECR_ARTIFACT_TAG) {
            return next.poll(provider, timeout);
        }
        Optional<Repository> repo = Repository.of(provider.spec().url());
        if (repo.isEmpty()) {
            return new PollResult.Failed("ReconciliationFailed", "spec.url: " + provider.spec().url() + " is not an ECR "
                    + "repository (oci://<account>.dkr.ecr.<region>.amazonaws.com/<repository>)", Optional.empty());
        }
        try {
            Map<String, String> digests = digestsByTag(repo.get(), timeout);
            List<Listed.OciTag> chosen = new ArrayList<>();
            for (String tag : PolledInputs.tagNames(provider, new ArrayList<>(digests.keySet()))) {
                chosen.add(new Listed.OciTag(tag, digests.get(tag)));
            }
            Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
            PolledInputs.ociTags(provider, chosen).forEach(i -> byId.put(String.valueOf(i.get("id")), i));
            return new PollResult.Listed(byId);
        } catch (RepositoryNotFoundException e) {
            return new PollResult.Failed("NotFound", "ECR repository " + repo.get().name() + " not found in "
                    + repo.get().registryId() + " (" + repo.get().region() + ")", Optional.empty());
        } catch (EcrException e) {
            int status = e.statusCode();
            String reason = status == 401 ? "Unauthorized" : status == 403 ? "Forbidden"
                    : status == 429 || "ThrottlingException".equals(e.awsErrorDetails().errorCode()) ? "RateLimited"
                    : status >= 500 ? "ServerError" : "ReconciliationFailed";
            return new PollResult.Failed(reason, "ECR DescribeImages on " + repo.get().name() + " answered "
                    + status + ": " + e.awsErrorDetails().errorCode(), Optional.empty());
        } catch (software.amazon.awssdk.core.exception.ApiCallTimeoutException e) {
            return new PollResult.Failed("Timeout", "the poll took longer than " + timeout, Optional.empty());
        } catch (SdkClientException e) {
            return new PollResult.Failed("ReconciliationFailed", "ECR in " + repo.get().region() + " could not be "
                    + "reached: " + e.getMessage(), Optional.empty());
        }
    }

    /** Every tagged image of the repository, page by page: tag to manifest digest. */
    private Map<String, String> digestsByTag(Repository repo, Duration timeout) {
        EcrClient ecr = clients.apply(repo.region());
        Map<String, String> out = new LinkedHashMap<>();
        String token = null;
        do {
            DescribeImagesResponse page = ecr.describeImages(DescribeImagesRequest.builder()
                    .registryId(repo.registryId()).repositoryName(repo.name())
                    .filter(f -> f.tagStatus(TagStatus.TAGGED)).maxResults(1000).nextToken(token)
                    .overrideConfiguration(c -> c.apiCallTimeout(timeout)).build());
            for (ImageDetail image : page.imageDetails()) {
                for (String tag : image.imageTags()) {
                    out.put(tag, image.imageDigest());
                }
            }
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return out;
    }
}
