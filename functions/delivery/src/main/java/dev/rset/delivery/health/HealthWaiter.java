package dev.rset.delivery.health;

import dev.rset.delivery.Health;
import dev.rset.delivery.ObjectRef;
import dev.rset.delivery.health.Verdict.State;
import dev.rset.delivery.kube.ClusterApi;
import dev.rset.delivery.kube.Poll;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Polls objects until all are Current, one has Failed (no point waiting for the rest), or the
 * timeout passes; the objects not yet healthy then become the failures, each with its last state.
 */
public final class HealthWaiter {
    private final ClusterApi api;

    public HealthWaiter(ClusterApi api) {
        this.api = api;
    }

    public Health waitForHealthy(List<ObjectRef> objects, Duration timeout) {
        Map<ObjectRef, Verdict> last = new LinkedHashMap<>();
        Optional<Health> settled = Poll.until(timeout, () -> {
            for (ObjectRef ref : objects) {
                if (last.get(ref) == null || last.get(ref).state() != State.CURRENT) {
                    last.put(ref, judge(ref)); // a Current object stays Current for this wait
                }
            }
            boolean failed = last.values().stream().anyMatch(v -> v.state() == State.FAILED);
            boolean allCurrent = last.values().stream().allMatch(v -> v.state() == State.CURRENT);
            return failed || allCurrent ? Optional.of(health(last, "")) : Optional.empty();
        });
        return settled.orElseGet(() -> health(last, "timeout after " + timeout.toSeconds() + "s"));
    }

    private Verdict judge(ObjectRef ref) {
        return api.get(ref).map(live -> Readiness.of(ref, live))
                .orElseGet(() -> new Verdict(State.NOT_FOUND, "not found"));
    }

    private static Health health(Map<ObjectRef, Verdict> verdicts, String timedOut) {
        List<Health.Failure> failures = new ArrayList<>();
        verdicts.forEach((ref, verdict) -> {
            if (verdict.state() != State.CURRENT) {
                String message = timedOut.isEmpty() || verdict.state() == State.FAILED
                        ? verdict.message() : timedOut + ": " + verdict.message();
                failures.add(new Health.Failure(ref, verdict.state().word(), message));
            }
        });
        return new Health(failures);
    }
}
