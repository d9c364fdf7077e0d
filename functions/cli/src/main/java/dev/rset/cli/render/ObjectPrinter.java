package dev.rset.cli.render;

import dev.rset.core.builder.BuildSink;
import dev.rset.core.yaml.GoYaml;
import java.io.PrintWriter;
import java.util.Map;

/**
 * Prints built objects as the Flux Operator CLI does: {@code ---} and sorted-key YAML per object.
 * Each object is turned into its text as it is built and the map let go: the text is a few times
 * smaller, and it is held until the whole build succeeded so that a failure prints nothing.
 */
final class ObjectPrinter implements BuildSink {
    private final StringBuilder text = new StringBuilder();
    private String step = "";
    private boolean stepHeadingDue;
    private int objects;

    @Override
    public void step(String name, String timeout) {
        step = name;
        // As the Flux Operator CLI: a step that rendered nothing gets no heading.
        stepHeadingDue = !name.isEmpty();
    }

    @Override
    public void object(Map<String, Object> object) {
        if (stepHeadingDue) {
            text.append("# step: ").append(step).append('\n');
            stepHeadingDue = false;
        }
        text.append("---\n").append(GoYaml.marshal(object));
        objects++;
    }

    int objects() {
        return objects;
    }

    /** In pieces, so the text is not copied whole into one more string. */
    void writeTo(PrintWriter out) {
        char[] piece = new char[8192];
        for (int at = 0; at < text.length(); at += piece.length) {
            int end = Math.min(text.length(), at + piece.length);
            text.getChars(at, end, piece, 0);
            out.write(piece, 0, end - at);
        }
        out.flush();
    }
}
