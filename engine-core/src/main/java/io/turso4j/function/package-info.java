/**
 * SQL functions: the {@link io.turso4j.function.ScalarFunction} and {@link
 * io.turso4j.function.AggregateFunction} seams the VM calls, the {@link
 * io.turso4j.function.FunctionRegistry} that resolves names, and SQLite's built-in functions.
 *
 * <p>The built-ins come in families, each a class that registers itself from
 * {@code BuiltinFunctions}: {@code CoreFunctions} (abs, coalesce, min/max, quote, round, hex,
 * random, …), {@code StringFunctions} (length, substr, trim, replace, instr, char, concat,
 * unistr, …), {@code PatternMatch} (like, glob), {@code Aggregates} (count, sum, total, avg,
 * min, max, group_concat) and {@code Percentile} (median, percentile*), {@code PrintfFormat}
 * with {@code PrintfFloat} (printf, format), {@code DateTimeFunctions} with {@code DateTime}
 * and {@code DateModifier} (date, time, strftime, timediff, …), and {@code MathFunctions}.
 * Each follows SQLite 3.54's func.c, printf.c and date.c, and is tested against sqlite-jdbc.
 *
 * <p>Conversions between values (text to number, REAL to text, comparison) are the
 * {@code value} package's; functions never parse or render numbers themselves.
 *
 * <p>May depend on {@code value} and {@code error} (and {@code storage.format} for record
 * encoding); never on the VM, the planner or the public API.
 */
package io.turso4j.function;
