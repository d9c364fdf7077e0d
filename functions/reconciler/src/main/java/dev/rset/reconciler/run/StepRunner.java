package dev.rset.reconciler.run;

import dev.rset.core.api.GoDurations;
import dev.rset.core.builder.BuildResult;
import dev.rset.core.builder.StepResult;
import dev.rset.delivery.ApplyOptions;
import dev.rset.delivery.Change;
import dev.rset.delivery.ClusterSession;
import dev.rset.delivery.DeliveryException;
import dev.rset.delivery.Health;
import dev.rset.delivery.Identity;
import dev.rset.delivery.ObjectRef;
import dev.rset.store.Condition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Applies a build step by step on one cluster: each step is applied, then, with {@code spec.wait}
 * or named steps, waited for until healthy within its timeout; the first failure stops the run.
 * Reports progress ({@code Applying step 2/3 "db"}) before each named step.
 */
public final class StepRunner {
    /** How to run: {@code waitForHealth} is {@code spec.wait}; {@code timeout} applies to steps without their own. */
    public record Settings(boolean waitForHealth, Duration timeout, ApplyOptions options, Identity identity) {
    }

    private StepRunner() {
    }

    public static Delivered run(ClusterSession session, BuildResult build, Settings settings,
            Consumer<String> progress) {
        List<StepResult> steps = build.steps();
        boolean named = steps.stream().anyMatch(s -> !s.name().isEmpty());
        List<Change> changes = new ArrayList<>();
        List<ObjectRef> attempted = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            StepResult step = steps.get(i);
            if (named) {
                progress.accept("Applying step " + (i + 1) + "/" + steps.size() + " \"" + step.name() + "\"");
            }
            List<ObjectRef> refs = step.objects().stream().map(ObjectRef::of).toList();
            attempted.addAll(refs);
            Duration timeout;
            try {
                timeout = step.timeout().isEmpty() ? settings.timeout() : GoDurations.parse(step.timeout());
            } catch (IllegalArgumentException e) {
                return new Delivered.Failed(Condition.REASON_FAILED, stepPrefix(step) + "spec.steps[" + i
                        + "].timeout: " + e.getMessage(), changes, attempted);
            }
            try {
                changes.addAll(session.apply(copies(step.objects()), settings.options()));
                if (named || settings.waitForHealth()) {
                    Health health = session.waitForHealthy(refs, timeout);
                    if (!health.healthy()) {
                        return new Delivered.Failed(Condition.REASON_HEALTH_CHECK_FAILED,
                                stepPrefix(step) + healthMessage(health, timeout), changes, attempted);
                    }
                }
            } catch (DeliveryException e) {
                return new Delivered.Failed(FailureMessages.reason(e), stepPrefix(step)
                        + FailureMessages.message(e, session.cluster(), settings.identity()), changes, attempted);
            }
        }
        return new Delivered.Succeeded(changes, attempted);
    }

    static String healthMessage(Health health, Duration timeout) {
        return "health check failed after " + GoDurations.format(timeout) + ": " + health.failures().stream()
                .map(f -> f.object() + " status: '" + f.status() + "'"
                        + (f.message() == null || f.message().isEmpty() ? "" : " (" + f.message() + ")"))
                .collect(Collectors.joining(", "));
    }

    private static String stepPrefix(StepResult step) {
        return step.name().isEmpty() ? "" : "step \"" + step.name() + "\": ";
    }

    /** Deep copies: the built objects are shared with other clusters' runs through the render cache. */
    static List<Map<String, Object>> copies(List<Map<String, Object>> objects) {
        return objects.stream().map(o -> (Map<String, Object>) copy(o)).toList();
    }

    @SuppressWarnings("unchecked")
    private static <T> T copy(T value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put((String) k, copy(v)));
            return (T) out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(copy(v)));
            return (T) out;
        }
        return value;
    }
}
