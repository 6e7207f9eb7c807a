package io.turso4j.tests.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {

    @Test
    void splitsAtSemicolonsAndDropsEmptyPieces() {
        assertEquals(List.of("INSERT INTO t1 VALUES(-1,'true');", "DROP INDEX t1i1;"),
                StatementSplitter.split("INSERT INTO t1 VALUES(-1,'true');\nDROP INDEX t1i1;"));
        assertEquals(List.of("SELECT 1;", "SELECT 2"), StatementSplitter.split(" ;; SELECT 1; ;\n SELECT 2 "));
        assertEquals(List.of(), StatementSplitter.split(" ; -- nothing here;\n /* nor; here */ ;"));
        assertEquals(List.of("SELECT 1"), StatementSplitter.split("SELECT 1"));
    }

    @Test
    void semicolonsInsideStringsIdentifiersAndCommentsDoNotSplit() {
        String script = "INSERT INTO t VALUES('a;b', 'it''s;', \"c;d\", `e;f`, [g;h]) -- x;y\n;"
                + "SELECT 1 /* ; */ + 2;";
        assertEquals(List.of("INSERT INTO t VALUES('a;b', 'it''s;', \"c;d\", `e;f`, [g;h]) -- x;y\n;",
                "SELECT 1 /* ; */ + 2;"), StatementSplitter.split(script));
    }

    @Test
    void triggerBodyEndsOnlyAtSemicolonEndSemicolon() {
        String trigger = """
                CREATE TEMP TRIGGER r1 AFTER INSERT ON t1 BEGIN
                  UPDATE t2 SET x = x + 1;
                  DELETE FROM t3 WHERE y = 'end;';
                END;""";
        List<String> statements = StatementSplitter.split(trigger + "\nINSERT INTO t1 VALUES(1);");
        assertEquals(List.of(trigger, "INSERT INTO t1 VALUES(1);"), statements);
    }

    @Test
    void endOutsideATriggerIsAnOrdinaryWord() {
        assertEquals(List.of("SELECT CASE WHEN 1 THEN 2 END;", "SELECT 3;"),
                StatementSplitter.split("SELECT CASE WHEN 1 THEN 2 END; SELECT 3;"));
        // A column named trigger does not start a trigger body.
        assertEquals(List.of("CREATE TABLE x(trigger);", "SELECT 1;"),
                StatementSplitter.split("CREATE TABLE x(trigger); SELECT 1;"));
    }

    @Test
    void firstStatementIsWhatTheHarnessPrepares() {
        assertEquals("SELECT 1;", StatementSplitter.first("SELECT 1; SELECT 2"));
        assertEquals("-- only a comment", StatementSplitter.first("-- only a comment"));
    }
}
