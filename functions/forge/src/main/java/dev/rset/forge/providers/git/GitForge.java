package dev.rset.forge.providers.git;

import dev.rset.forge.inputs.Listed;
import dev.rset.forge.providers.http.HttpFailure;
import java.util.List;
import java.util.function.Predicate;

/**
 * A Git forge's listings in the forge's own order. Change requests and branches stop once
 * {@code limit} items pass the provider's filter; tags are listed in full (their order is decided
 * after listing, by version or name).
 */
public interface GitForge {
    List<Listed.ChangeRequest> changeRequests(Predicate<Listed> passes, int limit) throws HttpFailure;

    List<Listed.Ref> branches(Predicate<Listed> passes, int limit) throws HttpFailure;

    List<Listed.Ref> tags() throws HttpFailure;

    /** Deployment environments; only GitLab has them. */
    default List<Listed.Environment> environments(Predicate<Listed> passes, int limit) throws HttpFailure {
        throw HttpFailure.failed("this forge has no deployment environments");
    }
}
