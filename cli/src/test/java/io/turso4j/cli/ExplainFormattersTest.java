package io.turso4j.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * EXPLAIN and EXPLAIN QUERY PLAN output on rows sqlite3 3.40 produced; the expected texts are
 * what it printed for them. (Not checked against sqlite3 live: SQLite behind the test seam is a
 * newer version whose programs differ.)
 */
class ExplainFormattersTest {
    private static final List<String> EXPLAIN_COLUMNS = List.of("addr", "opcode", "p1", "p2", "p3", "p4", "p5", "comment");

    private final OutputSettings settings = new OutputSettings();

    private String print(List<String> names, ExplainKind kind, Object[]... rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ShellOutput out = new ShellOutput(bytes);
        ResultFormatter f = ResultFormatter.create(settings, out, names, kind);
        for (Object[] row : rows) {
            f.row(row, Arrays.stream(row).map(CellText::of).toArray(byte[][]::new));
        }
        f.finish();
        out.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static Object[] op(long addr, String opcode, long p1, long p2, long p3, String p4, long p5) {
        return new Object[] {addr, opcode, p1, p2, p3, p4, p5, null};
    }

    @Test
    void explainIndentsLoopsAndIgnoresTheOutputMode() {
        settings.setMode("csv");
        settings.setNullValue("NUL");
        String printed = print(EXPLAIN_COLUMNS, ExplainKind.EXPLAIN,
                op(0, "Init", 0, 18, 0, null, 0), op(1, "OpenRead", 1, 2, 0, "2", 0), op(2, "OpenRead", 0, 2, 0, "2", 0),
                op(3, "OpenRead", 2, 3, 0, "k(2,,)", 2), op(4, "Rewind", 1, 17, 0, null, 0),
                op(5, "Column", 1, 1, 1, null, 0), op(6, "IsNull", 1, 16, 0, null, 0), op(7, "SeekGE", 2, 16, 1, "1", 0),
                op(8, "IdxGT", 2, 16, 1, "1", 0), op(9, "DeferredSeek", 2, 0, 0, null, 0),
                op(10, "Column", 2, 0, 2, null, 0), op(11, "Column", 0, 1, 3, null, 0), op(12, "Column", 1, 0, 4, null, 0),
                op(13, "Column", 1, 1, 5, null, 0), op(14, "ResultRow", 2, 4, 0, null, 0), op(15, "Next", 2, 8, 1, null, 0),
                op(16, "Next", 1, 5, 0, null, 1), op(17, "Halt", 0, 0, 0, null, 0),
                op(18, "Transaction", 0, 0, 2, "0", 1), op(19, "Goto", 0, 1, 0, null, 0));
        assertEquals("""
                addr  opcode         p1    p2    p3    p4             p5  comment     \s
                ----  -------------  ----  ----  ----  -------------  --  -------------
                0     Init           0     18    0     NUL            0   NUL
                1     OpenRead       1     2     0     2              0   NUL
                2     OpenRead       0     2     0     2              0   NUL
                3     OpenRead       2     3     0     k(2,,)         2   NUL
                4     Rewind         1     17    0     NUL            0   NUL
                5       Column         1     1     1     NUL            0   NUL
                6       IsNull         1     16    0     NUL            0   NUL
                7       SeekGE         2     16    1     1              0   NUL
                8         IdxGT          2     16    1     1              0   NUL
                9         DeferredSeek   2     0     0     NUL            0   NUL
                10        Column         2     0     2     NUL            0   NUL
                11        Column         0     1     3     NUL            0   NUL
                12        Column         1     0     4     NUL            0   NUL
                13        Column         1     1     5     NUL            0   NUL
                14        ResultRow      2     4     0     NUL            0   NUL
                15      Next           2     8     1     NUL            0   NUL
                16    Next           1     5     0     NUL            1   NUL
                17    Halt           0     0     0     NUL            0   NUL
                18    Transaction    0     0     2     0              1   NUL
                19    Goto           0     1     0     NUL            0   NUL
                """, printed);
    }

    @Test
    void wideValuesWidenTheirColumn() {
        String printed = print(EXPLAIN_COLUMNS, ExplainKind.EXPLAIN,
                op(9, "String8", 0, 4, 0, "a very long string literal here", 0));
        assertEquals("9     String8        0     4     0     a very long string literal here  0   \n",
                printed.lines().skip(2).findFirst().orElseThrow() + "\n");
    }

    @Test
    void queryPlanDrawsATree() {
        List<String> columns = List.of("id", "parent", "notused", "detail");
        assertEquals("""
                QUERY PLAN
                |--SEARCH t1 USING INDEX ti (a=?)
                |--LIST SUBQUERY 1
                |  `--SCAN t
                |--SEARCH t2 USING AUTOMATIC COVERING INDEX (b=?)
                `--USE TEMP B-TREE FOR ORDER BY
                """, print(columns, ExplainKind.QUERY_PLAN,
                new Object[] {3L, 0L, 0L, "SEARCH t1 USING INDEX ti (a=?)"},
                new Object[] {7L, 0L, 0L, "LIST SUBQUERY 1"},
                new Object[] {9L, 7L, 0L, "SCAN t"},
                new Object[] {25L, 0L, 0L, "SEARCH t2 USING AUTOMATIC COVERING INDEX (b=?)"},
                new Object[] {40L, 0L, 0L, "USE TEMP B-TREE FOR ORDER BY"}));
        assertEquals("""
                QUERY PLAN
                `--COMPOUND QUERY
                   |--LEFT-MOST SUBQUERY
                   |  `--SCAN t
                   `--UNION USING TEMP B-TREE
                      `--SCAN t
                """, print(columns, ExplainKind.QUERY_PLAN,
                new Object[] {1L, 0L, 0L, "COMPOUND QUERY"},
                new Object[] {2L, 1L, 0L, "LEFT-MOST SUBQUERY"},
                new Object[] {5L, 2L, 0L, "SCAN t"},
                new Object[] {16L, 1L, 0L, "UNION USING TEMP B-TREE"},
                new Object[] {19L, 16L, 0L, "SCAN t"}));
    }

    @Test
    void explainIsRecognisedFromTheText() {
        assertEquals(ExplainKind.EXPLAIN, ExplainKind.of("explain select 1"));
        assertEquals(ExplainKind.QUERY_PLAN, ExplainKind.of("EXPLAIN /* c */ QUERY\n PLAN select 1"));
        assertEquals(ExplainKind.NONE, ExplainKind.of("select 'explain'"));
        assertEquals(ExplainKind.NONE, ExplainKind.of("explainx"));
    }
}
