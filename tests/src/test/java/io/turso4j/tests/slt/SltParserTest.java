package io.turso4j.tests.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SltParserTest {

    private static List<SltRecord> parse(String text) throws IOException {
        List<SltRecord> records = new ArrayList<>();
        try (SltParser p = new SltParser(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)))) {
            SltRecord r;
            while ((r = p.next()) != null) {
                records.add(r);
            }
        }
        return records;
    }

    @Test
    void crlfLineEndingsAreStripped() throws IOException {
        List<SltRecord> records = parse("statement ok\r\nCREATE TABLE t(a)\r\n\r\nquery I rowsort\r\nSELECT a\r\nFROM t\r\n----\r\n1\r\n2\r\n");
        assertEquals(2, records.size());
        SltRecord.Statement s = assertInstanceOf(SltRecord.Statement.class, records.get(0));
        assertEquals("ok", s.expectation());
        assertEquals("CREATE TABLE t(a)", s.sql());
        SltRecord.Query q = assertInstanceOf(SltRecord.Query.class, records.get(1));
        assertEquals("SELECT a\nFROM t", q.sql());
        assertEquals(List.of("1", "2"), q.expected());
        assertEquals(SortMode.ROWSORT, q.sortMode());
        assertEquals(4, q.line());
    }

    @Test
    void linesLongerThanTheReadBufferAreReadWhole() throws IOException {
        String sql = "SELECT " + "1 + ".repeat(300) + "1";
        List<SltRecord> records = parse("query I nosort\r\n" + sql + "\r\n----\r\n" + "9".repeat(600) + "\n");
        SltRecord.Query q = (SltRecord.Query) records.getFirst();
        assertEquals(sql, q.sql());
        assertEquals(List.of("9".repeat(600)), q.expected());
    }

    @Test
    void whitespaceOnlyLinesSeparateRecordsButCommentsDoNot() throws IOException {
        List<SltRecord> records = parse("""
                # leading comment
                statement ok
                # a comment inside the SQL is dropped from it
                INSERT INTO t VALUES(1)
                # and it does not end the record
                , (2)
                \t \r
                query T nosort label-7
                SELECT 'x'
                ----
                # comments inside the expected lines are dropped too
                x
                """);
        assertEquals(2, records.size());
        SltRecord.Statement s = assertInstanceOf(SltRecord.Statement.class, records.get(0));
        assertEquals("INSERT INTO t VALUES(1)\n, (2)", s.sql());
        assertEquals(2, s.line());
        SltRecord.Query q = assertInstanceOf(SltRecord.Query.class, records.get(1));
        assertEquals("label-7", q.label());
        assertEquals(List.of("x"), q.expected());
    }

    @Test
    void hashInsideALineIsText() throws IOException {
        SltRecord.Query q = assertInstanceOf(SltRecord.Query.class, parse("query T\nSELECT '#'\n----\n#x\n").getFirst());
        // "#x" starts in column 0, so it is a comment, not an expected line.
        assertEquals("SELECT '#'", q.sql());
        assertEquals(List.of(), q.expected());
        assertEquals(SortMode.NOSORT, q.sortMode());
        assertNull(q.label());
    }

    @Test
    void conditionsAreCollectedWithTheirTrailingCommentsIgnored() throws IOException {
        SltRecord r = parse("""
                skipif mysql # not compatible
                onlyif SQLite
                query II rowsort label-3 extra tokens
                SELECT 1, 2
                ----
                1
                2
                """).getFirst();
        assertEquals(List.of(new Condition(Condition.Kind.SKIPIF, "mysql"), new Condition(Condition.Kind.ONLYIF, "SQLite")),
                r.conditions());
        assertEquals(false, Condition.skips(r.conditions(), "sqlite"));
        assertEquals(true, Condition.skips(List.of(new Condition(Condition.Kind.ONLYIF, "mysql")), "sqlite"));
        assertEquals(true, Condition.skips(List.of(new Condition(Condition.Kind.SKIPIF, "sqlite")), "sqlite"));
        assertEquals(false, Condition.skips(List.of(new Condition(Condition.Kind.SKIPIF, "postgresql")), "sqlite"));
        assertEquals("label-3", ((SltRecord.Query) r).label());
    }

    @Test
    void haltBehindAConditionIsAHaltRecordCarryingTheCondition() throws IOException {
        List<SltRecord> records = parse("onlyif mssql\nhalt\n\nskipif sqlite\nhalt\n\nhash-threshold 0\n\nhalt\n");
        SltRecord.Halt h1 = assertInstanceOf(SltRecord.Halt.class, records.get(0));
        assertEquals(List.of(new Condition(Condition.Kind.ONLYIF, "mssql")), h1.conditions());
        SltRecord.Halt h2 = assertInstanceOf(SltRecord.Halt.class, records.get(1));
        assertEquals(List.of(new Condition(Condition.Kind.SKIPIF, "sqlite")), h2.conditions());
        assertEquals(0, assertInstanceOf(SltRecord.HashThreshold.class, records.get(2)).threshold());
        assertInstanceOf(SltRecord.Halt.class, records.get(3));
    }

    @Test
    void queryWithoutSeparatorHasAnEmptyExpectedResult() throws IOException {
        SltRecord.Query q = assertInstanceOf(SltRecord.Query.class, parse("query I\nSELECT 1\nWHERE 0").getFirst());
        assertEquals("SELECT 1\nWHERE 0", q.sql());
        assertEquals(List.of(), q.expected());
    }

    @Test
    void unknownSortModeAndRecordTypeAreKeptForTheRunnerToReport() throws IOException {
        List<SltRecord> records = parse("query I sorted\nSELECT 1\n----\n1\n\nfrobnicate now\nSELECT 1\n");
        SltRecord.Query q = assertInstanceOf(SltRecord.Query.class, records.get(0));
        assertNull(q.sortMode());
        assertEquals("sorted", q.sortWord());
        assertEquals("frobnicate now", assertInstanceOf(SltRecord.Unknown.class, records.get(1)).firstLine());
    }

    @Test
    void hashThresholdReadsLikeAtoi() {
        assertEquals(8, SltParser.atoi("8"));
        assertEquals(12, SltParser.atoi("12abc"));
        assertEquals(0, SltParser.atoi("abc"));
        assertEquals(0, SltParser.atoi(""));
        assertEquals(-3, SltParser.atoi("-3"));
    }

    @Test
    void lineNumbersCountEveryLine() throws IOException {
        List<SltRecord> records = parse("hash-threshold 8\n\n# c\n\n\nstatement error\nSELECT nosuch\n\n\nquery I");
        assertEquals(1, records.get(0).line());
        assertEquals(6, records.get(1).line());
        assertEquals(10, records.get(2).line());
    }
}
