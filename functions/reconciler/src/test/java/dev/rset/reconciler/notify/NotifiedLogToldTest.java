package dev.rset.reconciler.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The log entry of what a change request was told, and when telling again says something new. */
class NotifiedLogToldTest {
    static final String SHA = "1111111111111111111111111111111111111111";

    @Test
    void anEntryReadsBackAsWritten() {
        NotifiedLog.Told t = new NotifiedLog.Told(SHA, "failure", "0a1b2c3d4e5f");
        assertEquals(t, NotifiedLog.Told.parse(t.wire()));
        assertEquals(SHA + ":failure:0a1b2c3d4e5f", t.wire());
    }

    @Test
    void aNewDigestOnTheSameCommitAndStateIsNew() {
        NotifiedLog.Told last = new NotifiedLog.Told(SHA, "failure", "0a1b2c3d4e5f");
        assertTrue(new NotifiedLog.Told(SHA, "failure", "ffffffffffff").differsFrom(last));
        assertFalse(new NotifiedLog.Told(SHA, "failure", "0a1b2c3d4e5f").differsFrom(last));
        assertTrue(new NotifiedLog.Told(SHA, "success", "0a1b2c3d4e5f").differsFrom(last));
        assertTrue(new NotifiedLog.Told("2222222", "failure", "0a1b2c3d4e5f").differsFrom(last));
    }

    @Test
    void anEntryWithoutDigestHoldsWhileCommitAndStateHold() {
        NotifiedLog.Told old = NotifiedLog.Told.parse(SHA + ":success");
        assertEquals(new NotifiedLog.Told(SHA, "success", ""), old);
        assertFalse(new NotifiedLog.Told(SHA, "success", "0a1b2c3d4e5f").differsFrom(old), "an upgrade sends nothing");
        assertTrue(new NotifiedLog.Told(SHA, "failure", "0a1b2c3d4e5f").differsFrom(old));
    }

    @Test
    void anythingElseIsNothingTold() {
        for (String junk : new String[] {"", "x", ":success", "a:b:c:d"}) {
            assertEquals(NotifiedLog.Told.NOTHING, NotifiedLog.Told.parse(junk), junk);
            assertTrue(new NotifiedLog.Told(SHA, "pending", "d").differsFrom(NotifiedLog.Told.parse(junk)), junk);
        }
    }
}
