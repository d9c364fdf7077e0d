package com.google.re2j;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The parse limits of Go's {@code regexp/syntax} that RE2/J lacks: nested counted repetition of
 * more than 1000 copies ({@code invalid repeat count}), a tree deeper than 1000
 * ({@code expression nests too deeply}) and a program or rune set over 128 MB
 * ({@code expression too large}). Without them RE2/J's compiler, which expands {@code x{n}} eagerly
 * and recurses over the tree, runs out of heap or stack on a one-line pattern. It lives in RE2/J's
 * package because the parse tree is package-private there; it walks the tree without recursion.
 */
public final class GoParseLimits {
    private static final int MAX_REPEAT = 1000;
    private static final int MAX_HEIGHT = 1000;
    /** Go's {@code maxSize}: 128 MB of 40-byte instructions. */
    private static final long MAX_SIZE = (128L << 20) / 40;
    /** Go's {@code maxRunes}: 128 MB of 4-byte runes. */
    private static final long MAX_RUNES = (128L << 20) / 4;

    private GoParseLimits() {
    }

    /**
     * Parses {@code expr} as {@code regexp.Compile} does and checks Go's limits; throws RE2/J's
     * {@link PatternSyntaxException} carrying Go's error code and the text Go names.
     */
    public static void check(String expr) {
        Regexp root = Parser.parse(expr, RE2.PERL);
        List<Regexp> postOrder = postOrder(root);
        java.util.IdentityHashMap<Regexp, long[]> info = new java.util.IdentityHashMap<>();
        long runes = 0;
        for (Regexp re : postOrder) {
            long height = 1;
            for (Regexp sub : subs(re)) {
                height = Math.max(height, 1 + info.get(sub)[0]);
            }
            if (height > MAX_HEIGHT) {
                throw new PatternSyntaxException("expression nests too deeply", expr);
            }
            info.put(re, new long[] {height, size(re, info)});
            runes += re.runes == null ? 0 : re.runes.length;
            if (re.op == Regexp.Op.REPEAT && (re.min >= 2 || re.max >= 2) && !repeatIsValid(re)) {
                throw new PatternSyntaxException("invalid repeat count", repeatText(expr, re));
            }
        }
        if (runes > MAX_RUNES || info.get(root)[1] > MAX_SIZE) {
            throw new PatternSyntaxException("expression too large", expr);
        }
    }

    private static Regexp[] subs(Regexp re) {
        return re.subs == null ? Regexp.EMPTY_SUBS : re.subs;
    }

    private static List<Regexp> postOrder(Regexp root) {
        List<Regexp> out = new ArrayList<>();
        Deque<Regexp> todo = new ArrayDeque<>();
        Deque<Regexp> reversed = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Regexp re = todo.pop();
            reversed.push(re);
            for (Regexp sub : subs(re)) {
                todo.push(sub);
            }
        }
        reversed.forEach(out::add);
        return out;
    }

    /** Go's {@code calcSize}, capped so that nothing overflows. */
    private static long size(Regexp re, java.util.Map<Regexp, long[]> info) {
        long sub0 = subs(re).length > 0 ? info.get(re.subs[0])[1] : 0;
        long size = switch (re.op) {
            case LITERAL -> re.runes.length;
            case CAPTURE, STAR -> 2 + sub0;
            case PLUS, QUEST -> 1 + sub0;
            case CONCAT, ALTERNATE -> {
                long sum = 0;
                for (Regexp sub : subs(re)) {
                    sum += info.get(sub)[1];
                }
                yield re.op == Regexp.Op.ALTERNATE && re.subs.length > 1 ? sum + re.subs.length - 1 : sum;
            }
            case REPEAT -> re.max == -1
                    ? (re.min == 0 ? 2 + sub0 : 1 + (long) re.min * sub0)
                    : (long) re.max * sub0 + (re.max - re.min);
            default -> 0;
        };
        return Math.min(Math.max(1, size), MAX_SIZE + 1);
    }

    /** Go's {@code repeatIsValid(re, 1000)}: nested counted repetition makes at most 1000 copies. */
    private static boolean repeatIsValid(Regexp top) {
        Deque<Object[]> todo = new ArrayDeque<>();
        todo.push(new Object[] {top, MAX_REPEAT});
        while (!todo.isEmpty()) {
            Object[] item = todo.pop();
            Regexp re = (Regexp) item[0];
            int n = (Integer) item[1];
            if (re.op == Regexp.Op.REPEAT) {
                int m = re.max;
                if (m == 0) {
                    continue;
                }
                if (m < 0) {
                    m = re.min;
                }
                if (m > n) {
                    return false;
                }
                if (m > 0) {
                    n /= m;
                }
            }
            for (Regexp sub : subs(re)) {
                todo.push(new Object[] {sub, n});
            }
        }
        return true;
    }

    /** The operator as written, which Go quotes: {@code {n}}, {@code {n,}} or {@code {n,m}}, maybe lazy. */
    private static String repeatText(String expr, Regexp re) {
        String lazy = (re.flags & RE2.NON_GREEDY) != 0 ? "?" : "";
        String range = "{" + re.min + "," + re.max + "}" + lazy;
        if (re.max == -1) {
            return "{" + re.min + ",}" + lazy;
        }
        if (re.min == re.max && !expr.contains(range)) {
            return "{" + re.min + "}" + lazy;
        }
        return range;
    }
}
