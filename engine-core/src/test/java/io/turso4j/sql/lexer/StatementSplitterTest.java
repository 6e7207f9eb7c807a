package io.turso4j.sql.lexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {
    @Test
    void splitsAtSemicolonsOutsideStringsAndComments() {
        assertEquals(List.of("SELECT 'a;b';", "SELECT \"c;\" -- x;\n FROM t;", "SELECT 1 /* ; */;"),
                StatementSplitter.split("SELECT 'a;b'; SELECT \"c;\" -- x;\n FROM t;\n;; SELECT 1 /* ; */;"));
    }

    @Test
    void triggerBodyKeepsItsSemicolons() {
        String trigger = "CREATE TEMP TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO u VALUES(1); "
                + "UPDATE u SET a = 2; END;";
        assertEquals(List.of(trigger, "SELECT 1;"), StatementSplitter.split(trigger + "\nSELECT 1;"));
    }

    @Test
    void explainCreateTriggerIsATrigger() {
        String s = "EXPLAIN CREATE TRIGGER tr AFTER DELETE ON t BEGIN SELECT 1; END;";
        assertEquals(List.of(s), StatementSplitter.split(s));
    }

    @Test
    void createTableNamedTriggerIsNotATrigger() {
        assertEquals(List.of("CREATE TABLE x(trigger_ INT);", "SELECT 2;"),
                StatementSplitter.split("CREATE TABLE x(trigger_ INT); SELECT 2;"));
    }

    @Test
    void unfinishedTailIsKept() {
        assertEquals(List.of("SELECT 1;", "SELECT 'open"), StatementSplitter.split("SELECT 1; SELECT 'open"));
        assertEquals(List.of("SELECT 1"), StatementSplitter.split("  SELECT 1  "));
    }

    @Test
    void completeness() {
        assertTrue(StatementSplitter.isComplete("SELECT 1;"));
        assertTrue(StatementSplitter.isComplete("SELECT 1; -- done"));
        assertFalse(StatementSplitter.isComplete("SELECT 1"));
        assertFalse(StatementSplitter.isComplete(""));
        assertFalse(StatementSplitter.isComplete("SELECT 'a;"));
        assertFalse(StatementSplitter.isComplete("SELECT 1; /* open"));
        assertFalse(StatementSplitter.isComplete("CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1;"));
        assertTrue(StatementSplitter.isComplete("CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END;"));
    }

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
}
