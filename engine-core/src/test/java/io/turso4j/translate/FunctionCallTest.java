package io.turso4j.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.turso4j.error.SqliteException;
import io.turso4j.function.AggregateFunction;
import io.turso4j.function.FunctionRegistry;
import io.turso4j.sql.parser.Parser;
import io.turso4j.storage.btree.BTree;
import io.turso4j.value.Register;
import io.turso4j.vdbe.Vm;
import io.turso4j.vdbe.VmContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Function calls through a registry of test functions (independent of the built-ins): name and
 * arity resolution and their errors, the FunctionContext the VM supplies (clock, randomness,
 * the call's collation), variadic calls, and aggregates over a table-less SELECT.
 */
class FunctionCallTest {
    private static final FunctionRegistry REGISTRY = new FunctionRegistry.Builder()
            .scalar("twice", 1, (ctx, args, start, count, out) -> out.setInt(args[start].toLong() * 2))
            .scalar("twice", 2, (ctx, args, start, count, out) -> out.setInt(args[start].toLong() * args[start + 1].toLong()))
            .scalar("argc", FunctionRegistry.VARIADIC, (ctx, args, start, count, out) -> out.setInt(count))
            .scalar("now", 0, (ctx, args, start, count, out) -> out.setInt(ctx.currentTimeMillis()))
            .scalar("rand", 0, (ctx, args, start, count, out) -> out.setInt(ctx.nextRandom()))
            .scalar("hungry", 0, (ctx, args, start, count, out) -> {
                throw new OutOfMemoryError("Java heap space");
            })
            .scalar("coll", 1, (ctx, args, start, count, out) -> out.setText(ctx.collation().name()))
            .scalar("like", 2, (ctx, args, start, count, out) ->
                    out.setInt(args[start + 1].toText().startsWith(args[start].toText().replace("%", "")) ? 1 : 0))
            .aggregate("total_len", 1, () -> new AggregateFunction.Accumulator() {
                private long sum;
                private boolean any;

                @Override
                public void step(io.turso4j.function.FunctionContext context, Register[] args, int start, int count) {
                    if (!args[start].isNull()) {
                        sum += args[start].toText().length();
                        any = true;
                    }
                }

                @Override
                public void result(Register out) {
                    if (any) {
                        out.setInt(sum);
                    } else {
                        out.setNull();
                    }
                }
            })
            .build();

    private static final class Context implements VmContext {
        long random = 100;

        @Override
        public BTree btree() {
            return null;
        }

        @Override
        public long currentTimeMillis() {
            return 42_000;
        }

        @Override
        public long nextRandom() {
            return random++;
        }

        @Override
        public long changes() {
            return 0;
        }

        @Override
        public long totalChanges() {
            return 0;
        }

        @Override
        public long lastInsertRowid() {
            return 0;
        }

        @Override
        public void rowsChanged(long n) {
        }

        @Override
        public void setLastInsertRowid(long rowid) {
        }

        @Override
        public boolean isAutocommit() {
            return true;
        }

        @Override
        public void setAutocommit(boolean autocommit, boolean rollback) {
        }
    }

    private static List<String> rows(String sql) {
        Vm vm = new Vm(Translator.compile(Parser.parse(sql), sql, REGISTRY).program(), new Context());
        List<String> rows = new ArrayList<>();
        while (vm.step() == Vm.Status.ROW) {
            List<String> row = new ArrayList<>();
            for (int i = 0; i < vm.program().columnNames().size(); i++) {
                row.add(String.valueOf(vm.column(i).toObject()));
            }
            rows.add(String.join("|", row));
        }
        return rows;
    }

    private static String error(String sql) {
        return assertThrows(SqliteException.class, () -> rows(sql)).getMessage();
    }

    @Test
    void resolvesByNameAndArity() {
        assertEquals(List.of("14|12|0|3"), rows("SELECT twice(7), TWICE(3, 4), argc(), argc(1, 'a', NULL)"));
        assertEquals("wrong number of arguments to function twice()", error("SELECT twice(1, 2, 3)"));
        assertEquals("no such function: thrice", error("SELECT thrice(1)"));
    }

    @Test
    void aValueTooLargeForTheHeapFailsAsSqliteOutOfMemory() {
        SqliteException e = assertThrows(SqliteException.class, () -> rows("SELECT 1 UNION ALL SELECT hungry()"));
        assertEquals(io.turso4j.error.ResultCode.NOMEM, e.code());
        assertEquals("out of memory", e.getMessage());
    }

    @Test
    void theVmIsTheFunctionContext() {
        assertEquals(List.of("42000|100|101"), rows("SELECT now(), rand(), rand()"));
        assertEquals(List.of("BINARY|NOCASE|RTRIM"), rows("SELECT coll('a'), coll('a' COLLATE nocase), coll(('a' || 'b') COLLATE rtrim)"));
    }

    @Test
    void likeAndCurrentTimeGoThroughTheRegistry() {
        assertEquals(List.of("1|0|0"), rows("SELECT 'abc' LIKE 'ab%', 'abc' LIKE 'x%', 'abc' NOT LIKE 'a%'"));
        assertEquals("no such function: glob", error("SELECT 'a' GLOB 'a'"));
        assertEquals("no such function: current_time", error("SELECT CURRENT_TIME"));
    }

    @Test
    void aggregatesOverTheOneRow() {
        assertEquals(List.of("5|10"), rows("SELECT total_len('hello'), twice(total_len('hello'))"));
        assertEquals(List.of("null"), rows("SELECT total_len('x') WHERE 0"));
        assertEquals(List.of(), rows("SELECT total_len('x') WHERE 0 GROUP BY 1"));
        assertEquals(List.of(), rows("SELECT total_len('abc') HAVING total_len('abc') > 3"));
        assertEquals(List.of("3"), rows("SELECT total_len('abc') HAVING total_len('abc') = 3"));
        assertEquals(List.of("null"), rows("SELECT total_len('abc') FILTER (WHERE 0)"));
        assertEquals(List.of("5"), rows("SELECT total_len(s) FROM (SELECT 'ab' AS s UNION ALL SELECT 'cde' UNION ALL SELECT NULL)"));
        assertEquals(List.of("null"), rows("SELECT total_len(s) FROM (SELECT 'ab' AS s) WHERE 0"));
        assertEquals(List.of("4", "2"), rows("SELECT twice(n) FROM (SELECT 1 AS n UNION ALL SELECT 2) ORDER BY 1 DESC"));
        String groups = "(SELECT 'x' AS g, 'ab' AS s UNION ALL SELECT 'y', 'cde' UNION ALL SELECT 'x', 'f'"
                + " UNION ALL SELECT NULL, 'gh' UNION ALL SELECT NULL, NULL)";
        assertEquals(List.of("null|2", "x|3", "y|3"), rows("SELECT g, total_len(s) FROM " + groups + " GROUP BY g"));
        assertEquals(List.of("y|3"), rows("SELECT g, total_len(s) FROM " + groups + " GROUP BY g HAVING g > 'x'"));
        assertEquals(List.of("x|3", "y|3"), rows("SELECT g, total_len(s) FROM " + groups
                + " WHERE s IS NOT NULL AND g IS NOT NULL GROUP BY 1 ORDER BY 1 LIMIT 5"));
        assertEquals(List.of("6"), rows("SELECT twice(total_len(s)) FROM " + groups + " GROUP BY g ORDER BY 1 DESC LIMIT 1"));
        String repeats = "(VALUES ('x', 'ab'), ('x', 'ab'), ('x', 'c'), ('y', 'ab'), ('y', 'ab'))";
        assertEquals(List.of("3|9"), rows("SELECT total_len(DISTINCT column2), total_len(column2) FROM " + repeats));
        assertEquals(List.of("x|3|5", "y|2|4"), rows("SELECT column1, total_len(DISTINCT column2), total_len(column2) FROM "
                + repeats + " GROUP BY column1"));
        assertEquals(List.of("2"), rows("SELECT total_len(DISTINCT 'ab')"));
        assertEquals(List.of("5"), rows("SELECT total_len(column1 ORDER BY column2 DESC) FROM " + repeats));
        assertEquals("misuse of aggregate function total_len()", error("SELECT 1 WHERE total_len('a')"));
        assertEquals("misuse of aggregate function total_len()", error("SELECT total_len(total_len('a'))"));
    }
}
