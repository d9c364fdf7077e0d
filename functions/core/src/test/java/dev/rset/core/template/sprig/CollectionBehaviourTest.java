package dev.rset.core.template.sprig;

import static dev.rset.core.testing.OrderedMaps.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rset.core.gotypes.GoInt;
import dev.rset.core.template.FuncMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Behaviour the Go-oracle table cannot pin down: map order, mutation, randomness. */
class CollectionBehaviourTest {
    private final FuncMap f = SprigFunctions.hermetic();

    private Object call(String name, Object... args) throws Exception {
        return f.get(name).call(args);
    }

    @Test
    void keysAndValuesFollowSortedKeyOrder() throws Exception {
        // Go ranges over maps in random order; sorted order is one it can produce, and repeatable.
        assertEquals(List.of("b", "z", "a", "c"), call("keys", map("z", 1L, "b", 2L), map("c", 3L, "a", 4L)));
        assertEquals(List.of(4L, 3L, 2L, 1L), call("values", map("d", 1L, "c", 2L, "b", 3L, "a", 4L)));
    }

    @Test
    void setAndUnsetModifyTheGivenDict() throws Exception {
        Map<String, Object> d = map("a", 1L);
        assertSame(d, call("set", d, "b", 2L));
        assertSame(d, call("unset", d, "a"));
        assertEquals(map("b", 2L), d);
    }

    @Test
    void listFunctionsLeaveTheirInputAlone() throws Exception {
        List<Object> l = new ArrayList<>(List.of(1L, 2L, 3L));
        call("append", l, 4L);
        call("prepend", l, 0L);
        call("reverse", l);
        call("rest", l);
        assertEquals(List.of(1L, 2L, 3L), l);
    }

    @Test
    void randIntStaysInItsHalfOpenRange() throws Exception {
        for (int k = 0; k < 200; k++) {
            long v = ((GoInt) call("randInt", GoInt.of(5), GoInt.of(8))).longValue();
            assertTrue(v >= 5 && v < 8, Long.toString(v));
        }
    }

    @Test
    void refusesListsGoCouldNotAllocate() throws Exception {
        // Go would append until it runs out of memory; failing the call keeps the process alive.
        dev.rset.core.template.FunctionException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.rset.core.template.FunctionException.class, () -> call("until", GoInt.of(Long.MAX_VALUE)));
        assertEquals("refusing to build a list of 9223372036854775807 elements", e.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(dev.rset.core.template.FunctionException.class,
                () -> call("seq", GoInt.of(0), GoInt.of(-1), GoInt.of(-NumericFunctions.MAX_ELEMENTS - 5)));
        assertEquals("1 2 3", call("seq", GoInt.of(3)));
    }
}
