package dev.rset.core.yaml;

/** The scalar styles of libyaml's emitter. */
enum ScalarStyle { PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL }
