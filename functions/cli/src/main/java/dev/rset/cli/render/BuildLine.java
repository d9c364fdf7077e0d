package dev.rset.cli.render;

import java.util.HashMap;
import java.util.Map;

/**
 * The plain {@code build resourceset} command lines, read without picocli: picocli cannot be
 * put in an AppCDS archive (its classes are Java 5 class files) and reflecting over the commands
 * took most of a small build's start-up. A line is read here only when its meaning is beyond
 * doubt: {@code build resourceset|rset}, then the options of {@link BuildResourceSetCommand},
 * each at most once, as {@code -f FILE}, {@code --filename FILE} or {@code --filename=FILE}, with
 * a value that is {@code -} or does not start with {@code -} or {@code @}. Anything else (help,
 * argument files, a repeated, unknown or incomplete option) is left to picocli, whose answers
 * (usage, errors) the user then gets.
 */
public final class BuildLine {
    private static final Map<String, String> OPTIONS = Map.of(
            "-f", "filename", "--filename", "filename",
            "-i", "inputsFrom", "--inputs-from", "inputsFrom",
            "--inputs-from-provider", "inputsFromProvider",
            "-n", "namespace", "--namespace", "namespace");

    private BuildLine() {
    }

    /** The build {@code args} ask for, or null when picocli should read them. */
    public static ResourceSetBuild parse(String... args) {
        if (args.length < 2 || !args[0].equals("build")
                || !(args[1].equals("resourceset") || args[1].equals("rset"))) {
            return null;
        }
        Map<String, String> values = new HashMap<>();
        int i = 2;
        while (i < args.length) {
            String arg = args[i];
            String name;
            String value;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
                i++;
            } else {
                if (i + 1 >= args.length) {
                    return null;
                }
                name = arg;
                value = args[i + 1];
                i += 2;
            }
            String field = OPTIONS.get(name);
            if (field == null || !plainValue(value) || values.putIfAbsent(field, value) != null) {
                return null;
            }
        }
        return new ResourceSetBuild(values.get("filename"), values.get("inputsFrom"),
                values.get("inputsFromProvider"), values.get("namespace"));
    }

    private static boolean plainValue(String value) {
        return value.equals("-") || !(value.isEmpty() || value.startsWith("-") || value.startsWith("@"));
    }
}
