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

    /** The non-empty chunks between separator lines, each with its line breaks. */
    static List<String> split(String stream) {
        List<String> docs = new ArrayList<>();
        StringBuilder buffer = new StringBuilder();
        int pos = 0;
        while (pos < stream.length()) {
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
                    docs.add(buffer.toString());
                    buffer.setLength(0);
                }
                continue;
            }
            buffer.append(line);
        }
        if (buffer.length() > 0) {
            docs.add(buffer.toString());
        }
        return docs;
    }
}
