/**
 * Go's {@code text/template} (Go 1.24) in Java, as the Flux Operator uses it for ResourceSets.
 *
 * <p>{@link dev.rset.core.template.Template} is the entry point: parse once with a
 * {@link dev.rset.core.template.FuncMap} whose names are fixed at parse time, then execute many
 * times, possibly concurrently, with per-execution bindings (such as {@code inputs}). Output and
 * error texts are Go's, byte for byte, because users search for them and the Flux Operator wraps
 * them: parse errors read {@code template: NAME:LINE: MSG}, execution errors
 * {@code template: NAME:LINE:COL: executing "NAME" at <NODE>: MSG}.
 *
 * <p>The package mirrors Go's: {@code parse} holds the lexer, the parser and the nodes;
 * {@link dev.rset.core.template.Executor} follows {@code exec.go}, {@link dev.rset.core.template.Builtin}
 * {@code funcs.go}. Values follow {@link dev.rset.core.gotypes.GoTypes}; printing is
 * {@link dev.rset.core.gotypes.GoFormat}.
 *
 * <p>Every execution runs within a {@link dev.rset.core.template.budget.RenderBudget}: a build
 * passes one meter to all its executions; without one, an execution gets
 * {@link dev.rset.core.template.budget.RenderBudget#DEFAULT} with Go's nesting limit. Where Go
 * would exhaust memory or run for minutes, the budget stops the render with
 * {@code render budget exceeded: ...}; Go's own texts stay for Go's own errors.
 *
 * <p>Known differences from Go, all outside what ResourceSet data can reach: values have no
 * methods (Go would call {@code time.Time.Year} for {@code .Year}); a function's declared result
 * type is unknown, so a non-nil result is treated as its concrete type where Go would see
 * {@code interface {}} (this only changes the type named in a few error messages); strings are
 * Unicode, so a byte-level {@code slice} or {@code "\xff"} literal that splits a character yields
 * U+FFFD where Go keeps the raw bytes; complex literals print but have no kind of their own.
 */
package dev.rset.core.template;
