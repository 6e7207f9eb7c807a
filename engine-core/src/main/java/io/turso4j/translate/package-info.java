/**
 * From AST to bytecode: the {@link io.turso4j.translate.Translator} entry point turns one parsed
 * statement into a {@link io.turso4j.vdbe.Program}. Expressions ({@code ExprCodegen}, with
 * SQLite's affinity and collation rules in {@code ExprTyping}); SELECT ({@code SelectCodegen})
 * over no table, VALUES, compounds ({@code CompoundCodegen}), ORDER BY ({@code OrderBy}), and
 * FROM clauses of subqueries and common table expressions ({@code FromCodegen},
 * {@code RecursiveCte}, {@code PushDown}) with joins, GROUP BY ({@code GroupByCodegen}) and
 * aggregates in one group ({@code AggregateSelect}), both stepping the calls' accumulators
 * ({@code AggregateCode}); names resolve through a {@code Scope} per SELECT.
 *
 * <p>May depend on {@code sql} (the AST), {@code vdbe}, {@code function}, {@code schema},
 * {@code storage}, {@code value} and {@code error}; never on the public API.
 */
package io.turso4j.translate;
