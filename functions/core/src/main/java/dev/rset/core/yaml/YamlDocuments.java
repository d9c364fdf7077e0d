package dev.rset.core.yaml;

import java.util.ArrayList;
import java.util.List;

/**
 * Kubernetes' YAMLReader, which fluxcd/pkg/ssa's ReadObjects uses: the stream is cut at lines
 * that start with {@code ---}, before any YAML parsing, so each document is parsed (and its
 * error lines counted) on its own.
 */
final class YamlDocuments {
    private static final String SEPARATOR = "---";

    private YamlDocuments() {
    }

    /** One document's text and the stream line (from 1) it starts on. */
    record Chunk(String text, int firstLine) {
    }

    /** The non-empty chunks between separator lines, each with its line breaks. */
    static List<Chunk> split(String stream) {
        List<Chunk> docs = new ArrayList<>();
        StringBuilder buffer = new StringBuilder();
        int pos = 0;
        int lineNo = 0;
        int bufferStart = 1;
        while (pos < stream.length()) {
            lineNo++;
            int nl = stream.indexOf('\n', pos);
            int end = nl < 0 ? stream.length() : nl + 1;
            String line = stream.substring(pos, end);
            pos = end;
            if (line.startsWith(SEPARATOR)) {
                String rest = line.substring(SEPARATOR.length()).strip();
                if (!rest.isEmpty() && rest.charAt(0) != '#') {
                    throw new GoYamlException("invalid Yaml document separator: " + rest);
                }
                if (buffer.length() > 0) {
                    docs.add(new Chunk(buffer.toString(), bufferStart));
                    buffer.setLength(0);
                }
                bufferStart = lineNo + 1;
                continue;
            }
            buffer.append(line);
        }
        if (buffer.length() > 0) {
            docs.add(new Chunk(buffer.toString(), bufferStart));
        }
        return docs;
    }
}
