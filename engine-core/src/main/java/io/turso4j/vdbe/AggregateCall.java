package io.turso4j.vdbe;

import io.turso4j.function.AggregateFunction;
import io.turso4j.value.Collation;

/**
 * P4 of {@link Opcode#AggStep} and {@link Opcode#AggFinal}: the resolved aggregate. Immutable.
 *
 * @param skipLoad the register AggStep sets to 1 when the step asked that the row's bare
 *                 columns not be loaded ({@code FunctionContext.skipAccumulatorLoad}), else 0
 *                 (SQLite's regHit); -1 when nothing reads it
 */
public record AggregateCall(String name, int argc, AggregateFunction function, Collation collation, int skipLoad) {
    @Override
    public String toString() {
        return name + "(" + argc + ")";
    }
}
