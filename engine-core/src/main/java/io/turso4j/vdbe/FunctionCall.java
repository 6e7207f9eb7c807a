package io.turso4j.vdbe;

import io.turso4j.function.ScalarFunction;
import io.turso4j.value.Collation;

/**
 * P4 of {@link Opcode#Function}: the resolved function, its name and arity for EXPLAIN, and
 * the collation of the call (what {@link io.turso4j.function.FunctionContext#collation()}
 * reports). Immutable.
 */
public record FunctionCall(String name, int argc, ScalarFunction function, Collation collation) {
    @Override
    public String toString() {
        return name + "(" + argc + ")";
    }
}
