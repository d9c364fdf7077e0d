package dev.rset.store.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReceiverTokensTest {
    @Test
    void aSecretHoldsTheTokenPlainOrUnderTheKeyFluxReads() {
        assertEquals("abc", ReceiverTokens.tokenOf("abc\n"));
        assertEquals("abc", ReceiverTokens.tokenOf("{\"token\": \"abc\"}"));
        assertEquals("", ReceiverTokens.tokenOf("{\"password\": \"abc\"}"), "no token key: no token");
        assertEquals("", ReceiverTokens.tokenOf("{not json"));
    }
}
