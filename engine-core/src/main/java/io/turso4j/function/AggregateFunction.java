package io.turso4j.function;

import io.turso4j.value.Register;

/**
 * An aggregate SQL function. {@link #start()} gives a fresh accumulator for each group; the VM
 * feeds it rows with {@link Accumulator#step} and reads the result with {@link
 * Accumulator#result}. The function object itself is stateless and shared.
 */
@FunctionalInterface
public interface AggregateFunction {

    /** A new, empty accumulator for one group. */
    Accumulator start();

    /** One group's running state. Owned by one statement; not thread-safe. */
    interface Accumulator {

        /** Adds one row's arguments {@code args[start .. start + count)}. */
        void step(FunctionContext context, Register[] args, int start, int count);

        /** Writes the group's result (callable more than once, e.g. for a window frame). */
        void result(Register out);
    }

    /**
     * An accumulator that can take back a row it was given, as SQLite's xInverse: a window
     * frame whose start moves on removes the rows leaving it, oldest first, instead of
     * recomputing the frame. The state after {@code inverse} is exactly SQLite's, quirks included
     * (sum() stays REAL once a REAL came in; group_concat() cuts bytes off the front).
     */
    interface Invertible extends Accumulator {

        /** Takes back the arguments of the oldest row stepped in and not yet taken back. */
        void inverse(FunctionContext context, Register[] args, int start, int count);
    }
}
