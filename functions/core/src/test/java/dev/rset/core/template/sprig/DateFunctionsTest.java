package dev.rset.core.template.sprig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rset.core.gotypes.GoInt;
import dev.rset.core.gotypes.GoTypes;
import dev.rset.core.template.FuncMap;
import dev.rset.core.template.FunctionException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The clock-dependent date functions, at a fixed instant, and the time values' Go rendering. */
class DateFunctionsTest {
    private static final Instant NOW = Instant.parse("2024-03-15T12:00:00.600Z");
    private final FuncMap f = SprigFunctions.hermetic(Clock.fixed(NOW, ZoneOffset.UTC));

    private Object call(String name, Object... args) throws Exception {
        return f.get(name).call(args);
    }

    @Test
    void agoRoundsTheElapsedTimeToSeconds() throws Exception {
        GoTime t = (GoTime) call("toDate", "2006-01-02T15:04:05Z07:00", "2024-03-15T10:20:30Z");
        assertEquals("1h39m31s", call("ago", t));
        assertEquals("-11h59m59s", call("ago", GoTime.ofInstant(Instant.parse("2024-03-16T00:00:00Z"))));
        assertEquals("1h0m1s", call("ago", NOW.getEpochSecond() - 3600L), "int64 Unix seconds");
        assertEquals("1h0m1s", call("ago", GoInt.of(NOW.getEpochSecond() - 3600)), "int Unix seconds");
        assertEquals("0s", call("ago", "not a time"), "anything else means now");
    }

    @Test
    void durationRoundOfATimeMeasuresFromNow() throws Exception {
        assertEquals("2d", call("durationRound", GoTime.ofInstant(Instant.parse("2024-03-13T00:00:00Z"))));
        assertEquals("292y", call("durationRound", GoTime.ZERO), "time.Since saturates at ~292 years");
        assertEquals("0s", call("durationRound", GoTime.ofInstant(NOW)));
    }

    @Test
    void timesPrintLikeGoAndAreStructs() throws Exception {
        Object t = call("mustToDate", "2006-01-02 15:04:05 -07:00", "2024-03-15 10:20:30 +05:30");
        assertEquals("2024-03-15 10:20:30 +0530 +0530", t.toString());
        assertEquals("time.Time", GoTypes.typeName(t));
        assertEquals("struct", GoTypes.kind(t).goName());
        assertEquals("1710478230", call("unixEpoch", t));
        assertEquals("0001-01-01 00:00:00 +0000 UTC", GoTime.ZERO.toString());
        assertEquals("-62135596800", call("unixEpoch", GoTime.ZERO));
    }

    @Test
    void durationsPrintLikeGo() {
        assertEquals("0s", new GoDuration(0).toString());
        assertEquals("1ns", new GoDuration(1).toString());
        assertEquals("1.5µs", new GoDuration(1500).toString());
        assertEquals("2.000001ms", new GoDuration(2_000_001).toString());
        assertEquals("1h0m0.5s", new GoDuration(GoDuration.HOUR + 500 * GoDuration.MILLISECOND).toString());
        assertEquals("-2562047h47m16.854775808s", new GoDuration(Long.MIN_VALUE).toString());
        assertEquals("2562047h47m16.854775807s", new GoDuration(Long.MAX_VALUE).toString());
    }

    @Test
    void parsesDurationsLikeGo() {
        assertEquals(5_400_000_000_000L, GoDuration.parse("1h30m").nanos());
        assertEquals(-1_500_000_000L, GoDuration.parse("-1.5s").nanos());
        assertEquals(1_000L, GoDuration.parse("1us").nanos());
        assertEquals(Long.MIN_VALUE, GoDuration.parse("-9223372036854775808ns").nanos());
        FunctionException e = assertThrows(FunctionException.class, () -> GoDuration.parse("9223372036854775808ns"));
        assertEquals("time: invalid duration \"9223372036854775808ns\"", e.getMessage());
        assertEquals("time: unknown unit \"\\xc2\\xb5\" in duration \"1\\xc2\\xb5\"",
                assertThrows(FunctionException.class, () -> GoDuration.parse("1µ")).getMessage());
    }

    @Test
    void timesAndDurationsMarshalToJsonLikeGo() {
        assertEquals("1500", dev.rset.core.yaml.GoJson.marshal(new GoDuration(1500), true));
        assertEquals("\"2024-03-15T10:20:30+05:30\"", dev.rset.core.yaml.GoJson.marshal(
                GoTimeLayout.parse("2006-01-02 15:04:05 -07:00", "2024-03-15 10:20:30 +05:30"), true));
    }
}
