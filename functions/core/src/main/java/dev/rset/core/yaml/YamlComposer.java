package dev.rset.core.yaml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.ScannerImpl;

/**
 * Builds go-yaml v2's node tree for the first document of a stream from SnakeYAML's parser
 * events (both descend from libyaml's scanner), as {@code yaml.Unmarshal} does: later documents
 * are not read at all.
 */
final class YamlComposer {
    /**
     * The deepest nesting of collections accepted. The composer keeps its own stack, but the
     * decoder, the emitters and the template engine's printers recurse once per level, so the
     * limit keeps them well inside a default 512 KiB thread stack; no Kubernetes object comes near.
     */
    static final int MAX_DEPTH = 1_000;

    static {
        // go-yaml's scanner also accepts \' and backslash-TAB in double-quoted scalars (templates
        // produce the former with `js`). SnakeYAML exposes its escape table for such additions;
        // only sequences that were errors before gain a meaning.
        try {
            ScannerImpl.ESCAPE_REPLACEMENTS.putIfAbsent('\'', "'");
            ScannerImpl.ESCAPE_REPLACEMENTS.putIfAbsent('\t', "\t");
        } catch (UnsupportedOperationException immutable) {
            // an unmodifiable table just keeps SnakeYAML's stricter behaviour
        }
    }

    private final Parser parser;
    private final Map<String, YamlNode> anchors = new HashMap<>();

    private YamlComposer(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE);
        options.setNestingDepthLimit(MAX_DEPTH + 1); // ours reports first, with a line
        options.setProcessComments(false);
        this.parser = new ParserImpl(new StreamReader(yaml), options);
    }

    /** The first document's root node, or null for a stream without documents. */
    static YamlNode firstDocument(String yaml) {
        YamlNode plainBlock = BlockYamlParser.parse(yaml);
        if (plainBlock != null) {
            return plainBlock;
        }
        return composed(yaml);
    }

    /** The first document's root node as composed from SnakeYAML's events, whatever the text. */
    static YamlNode composed(String yaml) {
        checkCharacters(yaml);
        YamlComposer c = new YamlComposer(yaml);
        try {
            return c.document();
        } catch (MarkedYAMLException e) {
            throw new GoYamlException(YamlErrors.goMessage(e));
        }
    }

    /** libyaml's reader accepts only printable characters (plus tab, CR, LF and NEL). */
    private static void checkCharacters(String yaml) {
        for (int i = 0; i < yaml.length(); i++) {
            char ch = yaml.charAt(i);
            if (ch >= 0x20 && ch <= 0x7E || ch == 0x0A) {
                continue; // the common case, without decoding code points
            }
            int c = yaml.codePointAt(i);
            i += Character.charCount(c) - 1;
            boolean ok = c == 0x09 || c == 0x0D || c == 0x85
                    || c >= 0xA0 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF;
            if (!ok) {
                throw new GoYamlException("yaml: control characters are not allowed");
            }
        }
    }

    private YamlNode document() {
        parser.getEvent(); // stream start
        if (parser.checkEvent(Event.ID.StreamEnd)) {
            return null;
        }
        parser.getEvent(); // document start
        YamlNode root = node();
        parser.getEvent(); // document end: may still report a syntax error, as in go-yaml
        return root;
    }

    /** One node and everything under it, composed with an explicit stack rather than recursion. */
    private YamlNode node() {
        ArrayDeque<Open> open = new ArrayDeque<>();
        while (true) {
            Event e = parser.getEvent();
            YamlNode done;
            if (e instanceof CollectionStartEvent start) {
                if (open.size() >= MAX_DEPTH) {
                    throw new GoYamlException("yaml: line " + (start.getStartMark().getLine() + 1)
                            + ": exceeded max depth of " + MAX_DEPTH);
                }
                boolean sequence = e.getEventId() == Event.ID.SequenceStart;
                ArrayList<YamlNode> children = new ArrayList<>();
                YamlNode n = anchor(start, sequence ? new YamlNode.Sequence(children) : new YamlNode.Mapping(children));
                open.push(new Open(n, children, sequence ? Event.ID.SequenceEnd : Event.ID.MappingEnd));
                done = null;
            } else {
                done = leaf(e);
            }
            // Close every collection whose end event comes next, handing each to its parent.
            while (true) {
                if (done != null) {
                    if (open.isEmpty()) {
                        return done;
                    }
                    open.peek().children().add(done);
                    done = null;
                }
                if (open.isEmpty() || !parser.checkEvent(open.peek().end())) {
                    break;
                }
                parser.getEvent();
                done = open.pop().node();
            }
        }
    }

    /** A collection being composed: its node, its children so far and the event that ends it. */
    private record Open(YamlNode node, ArrayList<YamlNode> children, Event.ID end) {
    }

    private YamlNode leaf(Event e) {
        if (e instanceof AliasEvent alias) {
            checkAnchorName(alias.getAnchor(), alias.getStartMark(), "while scanning an alias");
            YamlNode target = anchors.get(alias.getAnchor());
            if (target == null) {
                throw new GoYamlException("yaml: unknown anchor '" + alias.getAnchor() + "' referenced");
            }
            return new YamlNode.Alias(alias.getAnchor(), target);
        }
        if (e instanceof ScalarEvent s) {
            String tag = s.getTag() == null ? "" : s.getTag();
            boolean implicit = s.getTag() == null && s.isPlain();
            return anchor(s, new YamlNode.Scalar(s.getValue(), tag, implicit, s.getStartMark().getLine()));
        }
        throw new GoYamlException("yaml: unknown problem parsing YAML content");
    }

    private YamlNode anchor(NodeEvent e, YamlNode n) {
        if (e.getAnchor() != null) {
            checkAnchorName(e.getAnchor(), e.getStartMark(), "while scanning an anchor");
            anchors.put(e.getAnchor(), n);
        }
        return n;
    }

    /**
     * libyaml only allows letters, digits, '-' and '_' in anchor names, where SnakeYAML accepts
     * more; report what go-yaml's scanner would have.
     */
    private static void checkAnchorName(String name, Mark mark, String context) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-' || c == '_';
            if (!ok) {
                int line = mark.getLine();
                throw new GoYamlException("yaml: " + (line != 0 ? "line " + (line + 1) + ": " : "")
                        + YamlErrors.translate(context, ""));
            }
        }
    }
}
