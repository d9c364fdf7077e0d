package dev.rset.core.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyOrderTest {
    @Test
    void digitRunsCompareNumerically() {
        assertTrue(KeyOrder.less("a9", "a10"));
        assertTrue(KeyOrder.less("item2", "item10"));
        assertTrue(KeyOrder.less("9", "10"));
        assertFalse(KeyOrder.less("a10", "a9"));
    }

    @Test
    void nonLettersSortBeforeLetters() {
        assertTrue(KeyOrder.less("_x", "a"));
        assertTrue(KeyOrder.less("1", "a"));
        assertTrue(KeyOrder.less("a-b", "ab"));
        assertTrue(KeyOrder.less("A", "a"));
        assertTrue(KeyOrder.less("a", "ab"));
    }

    @Test
    void leadingZerosSortAfterTheShorterNumber() {
        assertTrue(KeyOrder.less("a1", "a01"));
        assertFalse(KeyOrder.less("a01", "a1"));
        assertTrue(KeyOrder.less("10", "100"));
        assertTrue(KeyOrder.less("100", "101"));
    }

    @Test
    void kubernetesLikeKeys() {
        List<String> keys = List.of("spec", "metadata", "kind", "apiVersion", "status", "data", "app.kubernetes.io/name",
                "app.kubernetes.io/instance", "resourceset.fluxcd.controlplane.io/name");
        assertEquals(List.of("apiVersion", "app.kubernetes.io/instance", "app.kubernetes.io/name", "data", "kind",
                "metadata", "resourceset.fluxcd.controlplane.io/name", "spec", "status"), KeyOrder.sorted(keys));
    }

    @Test
    void largeSetsSortConsistentlyWithSmallOnes() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            keys.add("k" + i);
        }
        List<String> shuffled = new ArrayList<>(keys);
        Collections.shuffle(shuffled, new Random(7));
        assertEquals(keys, KeyOrder.sorted(shuffled));
    }
}
