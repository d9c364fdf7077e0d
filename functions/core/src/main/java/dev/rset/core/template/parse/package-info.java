/**
 * The template lexer and parser, as Go's {@code text/template/parse}: the same tokens, the same
 * three-token lookahead (so parse errors report the same line), the same tree with the same
 * {@code String()} forms and positions. Positions are char offsets into the template text;
 * {@link dev.rset.core.template.Template} converts them to Go's line and byte column.
 */
package dev.rset.core.template.parse;
