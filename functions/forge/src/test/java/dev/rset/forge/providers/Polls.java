package dev.rset.forge.providers;

import dev.rset.core.api.ResourceSetInputProvider;
import dev.rset.forge.providers.github.GitHubAppTokens;
import dev.rset.forge.testing.Objects;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Providers pointing at a local server, and a poller on a clock the test moves. */
final class Polls {
    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    /** The clock port, set by the test (rate-limit times and token expiry are read from it). */
    static final class TestClock extends Clock {
        private Instant now = NOW;

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final TestClock clock = new TestClock();
    final GitHubAppTokens appTokens = new GitHubAppTokens();
    final ProviderPoller poller = new ProviderPoller(ProviderPoller.defaultClient(), clock, appTokens);

    PollResult poll(ResourceSetInputProvider p, Credentials c) {
        return poll(p, c, List.of(), Duration.ofSeconds(30));
    }

    PollResult poll(ResourceSetInputProvider p, Credentials c, List<Map<String, Object>> previous, Duration timeout) {
        return poller.poll(new PollRequest(p, c, timeout, previous));
    }

    static ResourceSetInputProvider provider(String type, String url, Map<String, Object> spec) {
        return Objects.provider("poll", type, url, spec);
    }

    static List<Map<String, Object>> inputs(PollResult r) {
        if (r instanceof PollResult.Inputs in) {
            return in.inputs();
        }
        throw new AssertionError("expected inputs, got " + r);
    }

    /** An exported input as the test expects it: pairs of key and value, in any order. */
    static Map<String, Object> input(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
