package io.turso4j.function;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.turso4j.error.SqliteException;
import io.turso4j.value.Register;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every registered function, at every arity from 0 to 5, on random arguments: it may return
 * anything or fail with a {@link SqliteException}, but never throw anything else.
 */
class RobustnessTest {
    @Test
    void randomCallsFailOnlyWithSqliteErrors() {
        long seed = Seeds.seed("RobustnessTest.randomCallsFailOnlyWithSqliteErrors");
        ArgPool pool = new ArgPool(seed);
        Random random = pool.random();
        FunctionRegistry registry = FunctionRegistry.builtins();
        int calls = 0;
        for (String name : registry.names().stream().sorted().toList()) {
            for (int argc = 0; argc <= 5; argc++) {
                ScalarFunction f = registry.scalar(name, argc);
                AggregateFunction agg = registry.aggregate(name, argc);
                for (int i = 0; i < 200 && (f != null || agg != null); i++) {
                    Register[] args = new Register[argc];
                    for (int k = 0; k < argc; k++) {
                        Object v = pool.next();
                        if (name.equals("zeroblob") || name.equals("randomblob")) {
                            v = (long) random.nextInt(100); // not a gigabyte
                        }
                        args[k] = Register.of(v);
                    }
                    String call = name + "(" + java.util.Arrays.toString(args) + ")";
                    try {
                        if (f != null) {
                            f.call(new StubContext(seed), args, 0, argc, new Register());
                        } else {
                            AggregateFunction.Accumulator acc = agg.start();
                            acc.step(new StubContext(seed), args, 0, argc);
                            acc.step(new StubContext(seed), args, 0, argc);
                            acc.result(new Register());
                        }
                    } catch (SqliteException expected) {
                        // an SQL error is a fine answer to nonsense
                    } catch (RuntimeException e) {
                        throw new AssertionError(call + " threw " + e, e);
                    }
                    calls++;
                }
            }
        }
        assertTrue(calls > 10_000, "only " + calls + " calls");
    }
}
