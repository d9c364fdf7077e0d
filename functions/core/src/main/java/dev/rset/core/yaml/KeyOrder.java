package dev.rset.core.yaml;

import java.util.ArrayList;
import java.util.List;

/**
 * go-yaml v2.4's map key order ({@code keyList.Less}) for string keys: a "natural" order where
 * runs of digits compare numerically, letters compare by code point, and at the first
 * difference a non-letter sorts before a letter.
 */
final class KeyOrder {
    private KeyOrder() {
    }

    static boolean less(String a, String b) {
        return less(CodePoints.of(a), CodePoints.of(b));
    }

    private static boolean less(int[] ar, int[] br) {
        for (int i = 0; i < ar.length && i < br.length; i++) {
            if (ar[i] == br[i]) {
                continue;
            }
            boolean al = Character.isLetter(ar[i]);
            boolean bl = Character.isLetter(br[i]);
            if (al && bl) {
                return ar[i] < br[i];
            }
            if (al || bl) {
                return bl;
            }
            long an = 0;
            long bn = 0;
            if (ar[i] == '0' || br[i] == '0') {
                // A zero continuing a non-zero digit run is just a digit, not a leading zero.
                for (int j = i - 1; j >= 0 && Character.isDigit(ar[j]); j--) {
                    if (ar[j] != '0') {
                        an = 1;
                        bn = 1;
                        break;
                    }
                }
            }
            int ai = i;
            for (; ai < ar.length && Character.isDigit(ar[ai]); ai++) {
                an = an * 10 + (ar[ai] - '0');
            }
            int bi = i;
            for (; bi < br.length && Character.isDigit(br[bi]); bi++) {
                bn = bn * 10 + (br[bi] - '0');
            }
            if (an != bn) {
                return an < bn;
            }
            if (ai != bi) {
                return ai < bi;
            }
            return ar[i] < br[i];
        }
        return ar.length < br.length;
    }

    /**
     * Sorts like Go's {@code sort.Sort}: insertion sort for up to 12 keys (exactly what Go runs),
     * a merge sort beyond; neither throws on a comparator that is not a strict order.
     */
    static List<String> sorted(Iterable<String> keys) {
        // Each key's code points once, not twice per comparison: sorting was most of marshalling.
        List<Key> l = new ArrayList<>();
        keys.forEach(k -> l.add(new Key(k, CodePoints.of(k))));
        List<Key> sorted = l;
        if (l.size() <= 12) {
            for (int i = 1; i < l.size(); i++) {
                for (int j = i; j > 0 && less(l.get(j).cps(), l.get(j - 1).cps()); j--) {
                    Key t = l.get(j);
                    l.set(j, l.get(j - 1));
                    l.set(j - 1, t);
                }
            }
        } else {
            sorted = mergeSort(l);
        }
        List<String> out = new ArrayList<>(sorted.size());
        for (Key k : sorted) {
            out.add(k.name());
        }
        return out;
    }

    private record Key(String name, int[] cps) {
    }

    private static List<Key> mergeSort(List<Key> l) {
        if (l.size() <= 1) {
            return l;
        }
        List<Key> left = mergeSort(new ArrayList<>(l.subList(0, l.size() / 2)));
        List<Key> right = mergeSort(new ArrayList<>(l.subList(l.size() / 2, l.size())));
        List<Key> out = new ArrayList<>(l.size());
        int i = 0;
        int j = 0;
        while (i < left.size() && j < right.size()) {
            out.add(less(right.get(j).cps(), left.get(i).cps()) ? right.get(j++) : left.get(i++));
        }
        out.addAll(left.subList(i, left.size()));
        out.addAll(right.subList(j, right.size()));
        return out;
    }
}
