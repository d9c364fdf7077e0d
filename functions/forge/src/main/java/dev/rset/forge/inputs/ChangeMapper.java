package dev.rset.forge.inputs;

import dev.rset.core.api.ProviderType;
import dev.rset.forge.hook.ReceiverType;
import dev.rset.core.api.ResourceSetInputProvider;
import dev.rset.forge.event.ChangeRequestEvent;
import dev.rset.forge.event.ChangeState;
import dev.rset.forge.event.ForgeEvent;
import dev.rset.forge.event.RefEvent;
import dev.rset.forge.event.RefKind;
import dev.rset.forge.event.RefUpdate;
import dev.rset.forge.event.RepoUrl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one verified event into input writes for one provider, honouring the provider's type
 * (a pull request event changes only change-request providers of that forge and repository),
 * its filters and its skip labels. The rules follow what a full poll by the Flux Operator would
 * export after the event: a request that is closed, merged or filtered out is removed; one with
 * a skip label is left as it was; a deleted branch or tag is removed.
 */
public final class ChangeMapper {
    private ChangeMapper() {
    }

    /** Throws {@link dev.rset.core.api.InvalidObjectException} when the provider's filter is invalid. */
    public static ProviderPlan plan(ReceiverType receiver, ResourceSetInputProvider provider, ForgeEvent event) {
        ProviderType type = provider.spec().type();
        if (!receiver.feeds(type)) {
            return ProviderPlan.none(provider, "a " + receiver.wire() + " receiver does not update "
                    + type.wire() + " providers");
        }
        if (event instanceof ChangeRequestEvent e) {
            return forChangeRequest(provider, e);
        }
        if (event instanceof RefEvent e) {
            return forRefs(provider, e);
        }
        return ProviderPlan.none(provider, "the event changes no inputs");
    }

    private static String otherRepository(ResourceSetInputProvider p, String eventRepo) {
        if (RepoUrl.same(p.spec().url(), eventRepo)) {
            return null;
        }
        return "the event is for repository " + RepoUrl.normalize(eventRepo) + ", the provider lists "
                + (p.spec().url().isEmpty() ? "no repository (spec.url is empty)" : RepoUrl.normalize(p.spec().url()));
    }

    private static ProviderPlan forChangeRequest(ResourceSetInputProvider p, ChangeRequestEvent e) {
        if (p.spec().type().export() != ProviderType.Export.CHANGE_REQUEST) {
            return ProviderPlan.none(p, "a change request event does not update " + p.spec().type().wire() + " providers");
        }
        String other = otherRepository(p, e.repositoryUrl());
        if (other != null) {
            return ProviderPlan.none(p, other);
        }
        String id = ExportedInputs.changeRequestId(e.number());
        ProviderFilters f = ProviderFilters.of(p);
        String removal = null;
        if (e.state() == ChangeState.CLOSED) {
            removal = "request " + id + " is closed";
        } else if (!f.branchPasses(e.branch())) {
            removal = "branch " + e.branch() + " does not pass spec.filter includeBranch/excludeBranch";
        } else if (f.missingLabel(e.labels()) != null) {
            removal = "request " + id + " lacks the filter label " + f.missingLabel(e.labels());
        }
        if (removal != null) {
            return new ProviderPlan(p, List.of(new Remove(id, removal)), List.of());
        }
        String skip = f.skipRule(e.labels());
        if (skip != null) {
            return ProviderPlan.none(p, "request " + id + " matches spec.skip.labels rule " + skip
                    + ": its input is kept as it was");
        }
        Set<String> keep = e.authorIsActor() ? Set.of("author") : Set.of();
        Map<String, Object> values = ExportedInputs.changeRequest(p.spec().defaultValues(), e);
        return new ProviderPlan(p, List.of(new Upsert(id, values, keep)), List.of());
    }

    private static ProviderPlan forRefs(ResourceSetInputProvider p, RefEvent e) {
        ProviderType.Export export = p.spec().type().export();
        RefKind wanted = switch (export) {
            case BRANCH -> RefKind.BRANCH;
            case TAG -> RefKind.TAG;
            default -> null;
        };
        if (wanted == null) {
            return ProviderPlan.none(p, "a push does not update " + p.spec().type().wire() + " providers");
        }
        String other = otherRepository(p, e.repositoryUrl());
        if (other != null) {
            return ProviderPlan.none(p, other);
        }
        ProviderFilters f = ProviderFilters.of(p);
        List<InputChange> changes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (RefUpdate u : e.updates()) {
            if (u.kind() != wanted) {
                notes.add(u.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + u.name()
                        + " is not listed by " + p.spec().type().wire() + " providers");
                continue;
            }
            boolean passes = wanted == RefKind.BRANCH ? f.branchPasses(u.name()) : f.tagPasses(u.name());
            if (!passes) {
                // A ref's name never changes, so one that fails the filter was never exported.
                notes.add(u.name() + " does not pass spec.filter");
                continue;
            }
            Map<String, Object> values = wanted == RefKind.BRANCH
                    ? ExportedInputs.branch(p.spec().defaultValues(), u.name(), u.sha())
                    : ExportedInputs.tag(p.spec().defaultValues(), u.name(), u.sha());
            String id = (String) values.get("id");
            changes.add(u.deleted() ? new Remove(id, u.name() + " was deleted") : new Upsert(id, values, Set.of()));
        }
        return new ProviderPlan(p, changes, notes);
    }
}
