package dev.rset.delivery.health;

import static dev.rset.delivery.kube.Fields.condition;
import static dev.rset.delivery.kube.Fields.conditionIs;
import static dev.rset.delivery.kube.Fields.number;
import static dev.rset.delivery.kube.Fields.string;

import dev.rset.delivery.ObjectRef;
import java.util.Map;
import java.util.Optional;

/**
 * Judges one live object the way kstatus does: workloads by their replica counts at the observed
 * generation, Jobs by Complete or Failed, Flux objects by Ready at the observed generation,
 * anything else by its Ready condition, and objects without status by their existence.
 * {@code Stalled=True}, a Failed Job and a Deployment past its progress deadline will not heal
 * by waiting: they are Failed.
 */
public final class Readiness {
    private Readiness() {
    }

    public static Verdict of(ObjectRef ref, Map<String, Object> live) {
        Optional<String> stalled = reasonIf(live, "Stalled", "True");
        if (stalled.isPresent()) {
            return Verdict.failed("Stalled: " + stalled.get());
        }
        Verdict observed = observedGeneration(ref, live);
        if (observed.state() != Verdict.State.CURRENT) {
            return observed;
        }
        return switch (ref.group() + "/" + ref.kind()) {
            case "apps/Deployment" -> deployment(live);
            case "apps/StatefulSet" -> statefulSet(live);
            case "apps/DaemonSet" -> daemonSet(live);
            case "batch/Job" -> job(live);
            case "/PersistentVolumeClaim" -> string(live, "status", "phase").filter("Bound"::equals).isPresent()
                    ? Verdict.CURRENT : Verdict.inProgress("PersistentVolumeClaim is not Bound");
            default -> readyCondition(ref, live);
        };
    }

    /** A status older than the spec says nothing about the spec; Flux objects must report one. */
    private static Verdict observedGeneration(ObjectRef ref, Map<String, Object> live) {
        Optional<Long> generation = number(live, "metadata", "generation");
        Optional<Long> observed = number(live, "status", "observedGeneration");
        if (observed.isEmpty() && ref.fluxKind()) {
            return Verdict.inProgress("status.observedGeneration is not reported yet");
        }
        if (generation.isPresent() && observed.isPresent() && observed.get() < generation.get()) {
            return Verdict.inProgress("status.observedGeneration " + observed.get() + " is behind generation " + generation.get());
        }
        return Verdict.CURRENT;
    }

    private static Verdict readyCondition(ObjectRef ref, Map<String, Object> live) {
        Optional<Map<String, Object>> ready = condition(live, "Ready");
        if (ready.isEmpty()) {
            return ref.fluxKind() ? Verdict.inProgress("no Ready condition yet") : Verdict.CURRENT;
        }
        if ("True".equals(ready.get().get("status"))) {
            return Verdict.CURRENT;
        }
        return Verdict.inProgress("Ready=" + ready.get().get("status") + describe(ready.get()));
    }

    private static Verdict deployment(Map<String, Object> live) {
        Optional<String> deadline = condition(live, "Progressing")
                .filter(c -> "ProgressDeadlineExceeded".equals(c.get("reason")))
                .map(Readiness::describe);
        if (deadline.isPresent()) {
            return Verdict.failed("Progressing=False" + deadline.get());
        }
        long want = number(live, "spec", "replicas").orElse(1L);
        return replicas(want, live, "updatedReplicas", "readyReplicas", "availableReplicas");
    }

    private static Verdict statefulSet(Map<String, Object> live) {
        long want = number(live, "spec", "replicas").orElse(1L);
        Verdict counts = replicas(want, live, "updatedReplicas", "readyReplicas", "availableReplicas");
        if (counts.state() != Verdict.State.CURRENT) {
            return counts;
        }
        Optional<String> current = string(live, "status", "currentRevision");
        Optional<String> update = string(live, "status", "updateRevision");
        return update.isPresent() && !update.equals(current)
                ? Verdict.inProgress("revision " + update.get() + " is rolling out") : Verdict.CURRENT;
    }

    private static Verdict daemonSet(Map<String, Object> live) {
        long want = number(live, "status", "desiredNumberScheduled").orElse(-1L);
        if (want < 0) {
            return Verdict.inProgress("status.desiredNumberScheduled is not reported yet");
        }
        return replicas(want, live, "updatedNumberScheduled", "numberReady", "numberAvailable");
    }

    private static Verdict replicas(long want, Map<String, Object> live, String... counts) {
        for (String count : counts) {
            long have = number(live, "status", count).orElse(0L);
            if (have < want) {
                return Verdict.inProgress(count + ": " + have + "/" + want);
            }
        }
        return Verdict.CURRENT;
    }

    private static Verdict job(Map<String, Object> live) {
        if (conditionIs(live, "Failed", "True")) {
            return Verdict.failed("Job failed" + condition(live, "Failed").map(Readiness::describe).orElse(""));
        }
        return conditionIs(live, "Complete", "True") ? Verdict.CURRENT : Verdict.inProgress("Job has not completed");
    }

    private static Optional<String> reasonIf(Map<String, Object> live, String type, String status) {
        return condition(live, type).filter(c -> status.equals(c.get("status"))).map(Readiness::describe)
                .map(d -> d.isEmpty() ? type : d.substring(2));
    }

    /** ": Reason: message" of a condition, as much of it as it has. */
    private static String describe(Map<String, Object> condition) {
        StringBuilder text = new StringBuilder();
        for (String field : new String[] {"reason", "message"}) {
            Object value = condition.get(field);
            if (value != null && !value.toString().isBlank()) {
                text.append(": ").append(value);
            }
        }
        return text.toString();
    }
}
