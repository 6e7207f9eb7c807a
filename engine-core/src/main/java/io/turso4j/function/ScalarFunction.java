package io.turso4j.function;

import io.turso4j.value.Register;

/**
 * A scalar SQL function: reads its arguments from registers and writes one result register.
 * Implementations are stateless and immutable, so one instance serves every thread.
 */
@FunctionalInterface
public interface ScalarFunction {

    /**
     * Computes the function of {@code args[start .. start + count)} into {@code result}
     * ({@code result} is never one of the argument registers).
     *
     * @throws io.turso4j.error.SqliteException with SQLite's code and message on failure
     *     (e.g. "integer overflow")
     */
    void call(FunctionContext context, Register[] args, int start, int count, Register result);
}
