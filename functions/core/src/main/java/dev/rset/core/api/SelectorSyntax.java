package dev.rset.core.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The string form of a label selector, as {@code kubectl get -l} and Kubernetes'
 * {@code labels.Parse} read it: {@code a=b}, {@code a==b}, {@code a!=b}, {@code a in (x,y)},
 * {@code a notin (x)}, {@code a}, {@code !a}, joined by commas.
 */
final class SelectorSyntax {
    private SelectorSyntax() {
    }

    static LabelSelector parse(String text) {
        Map<String, String> match = new LinkedHashMap<>();
        List<LabelSelector.Requirement> exprs = new ArrayList<>();
        for (String term : splitTerms(text)) {
            String t = term.trim();
            if (t.isEmpty()) {
                throw invalid(text, "empty requirement");
            }
            if (t.startsWith("!")) {
                exprs.add(new LabelSelector.Requirement(key(text, t.substring(1).trim()),
                        LabelSelector.Operator.DOES_NOT_EXIST, List.of()));
            } else if (t.contains("!=")) {
                int i = t.indexOf("!=");
                exprs.add(new LabelSelector.Requirement(key(text, t.substring(0, i).trim()),
                        LabelSelector.Operator.NOT_IN, List.of(value(text, t.substring(i + 2).trim()))));
            } else if (t.contains("=")) {
                int i = t.indexOf('=');
                int j = t.startsWith("==", i) ? i + 2 : i + 1;
                match.put(key(text, t.substring(0, i).trim()), value(text, t.substring(j).trim()));
            } else if (t.contains("(")) {
                exprs.add(setRequirement(text, t));
            } else {
                exprs.add(new LabelSelector.Requirement(key(text, t), LabelSelector.Operator.EXISTS, List.of()));
            }
        }
        return new LabelSelector(match, exprs);
    }

    private static LabelSelector.Requirement setRequirement(String text, String t) {
        String[] words = t.substring(0, t.indexOf('(')).trim().split("\\s+");
        if (words.length != 2 || !t.endsWith(")")) {
            throw invalid(text, "expected \"key in (values)\" or \"key notin (values)\" in \"" + t + "\"");
        }
        LabelSelector.Operator op = switch (words[1]) {
            case "in" -> LabelSelector.Operator.IN;
            case "notin" -> LabelSelector.Operator.NOT_IN;
            default -> throw invalid(text, "unknown operator \"" + words[1] + "\", expected in or notin");
        };
        List<String> values = new ArrayList<>();
        for (String v : t.substring(t.indexOf('(') + 1, t.length() - 1).split(",", -1)) {
            values.add(value(text, v.trim()));
        }
        return new LabelSelector.Requirement(key(text, words[0]), op, values);
    }

    /** Commas separate requirements except inside the parentheses of a set. */
    private static List<String> splitTerms(String text) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(text.substring(start, i));
                start = i + 1;
            }
        }
        out.add(text.substring(start));
        return out;
    }

    private static String key(String text, String key) {
        if (LabelSyntax.keyError(key).isPresent()) {
            throw invalid(text, "\"" + key + "\" is not a valid label key");
        }
        return key;
    }

    private static String value(String text, String value) {
        if (LabelSyntax.valueError(value).isPresent()) {
            throw invalid(text, "\"" + value + "\" is not a valid label value");
        }
        return value;
    }

    private static IllegalArgumentException invalid(String text, String why) {
        return new IllegalArgumentException("invalid label selector \"" + text + "\": " + why);
    }
}
