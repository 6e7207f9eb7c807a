package io.turso4j.vdbe;

import io.turso4j.function.AggregateFunction;
import io.turso4j.value.Collation;

/** P4 of {@link Opcode#AggStep} and {@link Opcode#AggFinal}: the resolved aggregate. Immutable. */
public record AggregateCall(String name, int argc, AggregateFunction function, Collation collation) {
    @Override
    public String toString() {
        return name + "(" + argc + ")";
    }
}
