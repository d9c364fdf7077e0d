package dev.rset.core.yaml;

/** go-yaml's long tag names and its {@code shortTag} rendering used in error messages. */
final class YamlTags {
    static final String PREFIX = "tag:yaml.org,2002:";
    static final String STR = PREFIX + "str";
    static final String BOOL = PREFIX + "bool";
    static final String INT = PREFIX + "int";
    static final String FLOAT = PREFIX + "float";
    static final String NULL = PREFIX + "null";
    static final String TIMESTAMP = PREFIX + "timestamp";
    static final String BINARY = PREFIX + "binary";
    static final String MERGE = PREFIX + "merge";

    private YamlTags() {
    }

    static String shortTag(String tag) {
        return tag.startsWith(PREFIX) ? "!!" + tag.substring(PREFIX.length()) : tag;
    }
}
