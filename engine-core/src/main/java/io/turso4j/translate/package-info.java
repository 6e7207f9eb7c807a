/**
 * From AST to bytecode: name resolution, the code generator for expressions and SELECT, and
 * the {@link io.turso4j.translate.Translator} entry point that turns one parsed statement into
 * a {@link io.turso4j.vdbe.Program}.
 *
 * <p>May depend on {@code sql} (the AST), {@code vdbe}, {@code function}, {@code schema},
 * {@code storage}, {@code value} and {@code error}; never on the public API.
 */
package io.turso4j.translate;
