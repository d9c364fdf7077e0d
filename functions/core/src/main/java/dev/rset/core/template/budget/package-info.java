/**
 * What one build may spend rendering: {@link dev.rset.core.template.budget.RenderBudget} is the
 * limit (steps, output, one value's size, one list's length, template nesting, wall time, objects
 * rendered) and
 * {@link dev.rset.core.template.budget.RenderMeter} what has been spent, shared by every
 * execution of the build. The executor counts every node, range iteration and function call and
 * every byte it writes; functions whose result can dwarf their arguments ({@code repeat},
 * {@code indent}, {@code printf}, {@code until}, ...) ask the meter before they allocate. A spent
 * budget is reported as {@code render budget exceeded: ...} at the node being executed, in Go's
 * error format, so the builder wraps it like any execution error.
 */
package dev.rset.core.template.budget;
