package io.turso4j.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.turso4j.value.BuiltinCollation;
import io.turso4j.value.Register;
import io.turso4j.value.ValueType;
import org.junit.jupiter.api.Test;

class CoreFunctionsTest {
    private static final Object[][] DETERMINISTIC = {
        {"abs", 1}, {"coalesce", 2}, {"coalesce", 3}, {"ifnull", 2}, {"iif", 2}, {"iif", 3},
        {"iif", 5}, {"if", 3}, {"nullif", 2}, {"max", 2}, {"max", 3}, {"min", 2}, {"min", 3},
        {"typeof", 1}, {"sign", 1}, {"round", 1}, {"round", 2}, {"quote", 1}, {"hex", 1},
        {"unhex", 1}, {"unhex", 2}, {"zeroblob", 1}, {"likely", 1}, {"unlikely", 1},
        {"unistr_quote", 1}, {"subtype", 1},
    };

    @Test
    void edgeCasesMatchSqlite() throws Exception {
        try (Oracle oracle = new Oracle()) {
            for (Object[] f : DETERMINISTIC) {
                ScalarDifferential.edges(oracle, (String) f[0], (Integer) f[1]);
            }
            oracle.scalar("zeroblob", 1_000_000_001L);
            oracle.scalar("round", 2.5, 4294967297L);
            oracle.scalar("unhex", "12 34", " ");
            oracle.scalar("unhex", "12é34", "é");
            oracle.scalar("unhex", "1", "");
            oracle.assertNoMismatches();
        }
    }

    @Test
    void randomArgumentsMatchSqlite() throws Exception {
        ArgPool pool = new ArgPool(Seeds.seed("CoreFunctionsTest.randomArgumentsMatchSqlite"));
        try (Oracle oracle = new Oracle()) {
            for (Object[] f : DETERMINISTIC) {
                if (!f[0].equals("zeroblob")) { // random sizes could ask for a gigabyte
                    ScalarDifferential.fuzz(oracle, pool, (String) f[0], (Integer) f[1], 300);
                }
            }
            for (int i = 0; i < 500; i++) {
                oracle.scalar("round", pool.nextReal(), (long) pool.random().nextInt(20));
            }
            oracle.assertNoMismatches();
        }
    }

    @Test
    void minMaxAndNullifUseTheCallsCollation() throws Exception {
        try (Oracle oracle = new Oracle()) {
            StubContext nocase = new StubContext().with(BuiltinCollation.NOCASE);
            StubContext rtrim = new StubContext().with(BuiltinCollation.RTRIM);
            Object[] texts = {"a", "A", "b", "B", "a ", "A  ", "", 1L, null};
            for (Object x : texts) {
                for (Object y : texts) {
                    for (String f : new String[] {"max", "min", "nullif"}) {
                        oracle.scalar(nocase, " COLLATE NOCASE", f, x, y);
                        oracle.scalar(rtrim, " COLLATE RTRIM", f, x, y);
                    }
                }
            }
            oracle.assertNoMismatches();
        }
    }

    @Test
    void connectionCountersComeFromTheContext() {
        StubContext ctx = new StubContext();
        ctx.changes = 5;
        ctx.totalChanges = 9;
        ctx.lastInsertRowid = -3;
        assertEquals("integer 5", Oracle.ours(ctx, "changes"));
        assertEquals("integer 9", Oracle.ours(ctx, "total_changes"));
        assertEquals("integer -3", Oracle.ours(ctx, "last_insert_rowid"));
    }

    @Test
    void randomnessComesFromTheContextAndIsNeverTheSmallestInteger() {
        FunctionContext minOnly = new StubContext() {
            @Override
            public long nextRandom() {
                return Long.MIN_VALUE;
            }
        };
        Register out = new Register();
        FunctionRegistry.builtins().scalar("random", 0).call(minOnly, new Register[0], 0, 0, out);
        assertNotEquals(Long.MIN_VALUE, out.intValue());
        FunctionRegistry.builtins().scalar("randomblob", 1)
                .call(new StubContext(7), new Register[] {Register.of(-5L)}, 0, 1, out);
        assertEquals(ValueType.BLOB, out.type());
        assertEquals(1, out.length());
        FunctionRegistry.builtins().scalar("randomblob", 1)
                .call(new StubContext(7), new Register[] {Register.of(13L)}, 0, 1, out);
        assertEquals(13, out.length());
        assertTrue(!FunctionRegistry.builtins().isDeterministic("RANDOM"));
        assertTrue(FunctionRegistry.builtins().isDeterministic("abs"));
    }

    @Test
    void arityRulesFollowSqlite() {
        FunctionRegistry r = FunctionRegistry.builtins();
        assertNull(r.scalar("coalesce", 1));
        assertNull(r.scalar("max", 1));
        assertNull(r.scalar("abs", 2));
        assertTrue(r.isKnown("MAX"));
        assertNull(r.aggregate("max", 2));
    }
}
