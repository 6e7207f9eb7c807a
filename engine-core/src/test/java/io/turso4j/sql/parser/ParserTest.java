package io.turso4j.sql.parser;

import io.turso4j.error.ResultCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.turso4j.sql.SqlSyntaxException;
import io.turso4j.sql.ast.ConflictAction;
import io.turso4j.sql.ast.CreateTable;
import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.Insert;
import io.turso4j.sql.ast.Pos;
import io.turso4j.sql.ast.Select;
import io.turso4j.sql.ast.Stmt;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tree shapes, positions, normalisations and the statement-at-a-time API. */
class ParserTest {
    private static Expr firstColumn(String sql) {
        return PrecedenceTest.parseExpr(sql);
    }

    @Test
    void positionsAreOffsetsButNotPartOfEquality() {
        Select a = (Select) Parser.parse("SELECT 1 + x");
        Select b = (Select) Parser.parse("  SELECT   1+x");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        Expr.Binary plus = (Expr.Binary) ((Select.ExprColumn) ((Select.Core) b.body()).columns().get(0)).expr();
        assertEquals(2, b.pos().offset());
        assertEquals(12, plus.pos().offset());
        assertEquals(11, plus.left().pos().offset());
        assertEquals(13, plus.right().pos().offset());
        assertNotEquals(Parser.parse("SELECT 1 + y"), a);
    }

    @Test
    void errorsCarryTheOffsetOfTheOffendingToken() {
        SqlSyntaxException e = assertThrows(SqlSyntaxException.class, () -> Parser.parse("SELECT 1 FROM WHERE"));
        assertEquals("near \"WHERE\": syntax error", e.getMessage());
        assertEquals(14, e.offset());
        assertEquals(ResultCode.ERROR, e.code());
    }

    @Test
    void namesAreDequoted() {
        assertEquals(new Expr.Column(Pos.NONE, "s c", "t\"x", "a`b"), firstColumn("[s c].\"t\"\"x\".`a``b`"));
        assertEquals("it's", ((Expr.Literal) firstColumn("'it''s'")).text());
        assertEquals("0aFF", ((Expr.Literal) firstColumn("x'0aFF'")).text());
    }

    @Test
    void keywordsServeAsNamesWhereSqliteAllows() {
        CreateTable t = (CreateTable) Parser.parse("CREATE TABLE key(replace, end, temp, rowid, action)");
        assertEquals("key", t.name().name());
        assertEquals(List.of("replace", "end", "temp", "rowid", "action"),
                t.columns().stream().map(CreateTable.ColumnDef::name).toList());
    }

    @Test
    void replaceIntoIsInsertOrReplace() {
        assertEquals(Parser.parse("INSERT OR REPLACE INTO t VALUES (1)"), Parser.parse("REPLACE INTO t VALUES (1)"));
        assertEquals(ConflictAction.REPLACE, ((Insert) Parser.parse("REPLACE INTO t VALUES (1)")).orAction());
    }

    @Test
    void limitCommaFormIsOffsetFirst() {
        assertEquals(Parser.parse("SELECT 1 LIMIT 10 OFFSET 5"), Parser.parse("SELECT 1 LIMIT 5, 10"));
    }

    @Test
    void isDistinctFromIsIsNot() {
        assertEquals(firstColumn("a IS NOT b"), firstColumn("a IS DISTINCT FROM b"));
        assertEquals(firstColumn("a IS b"), firstColumn("a IS NOT DISTINCT FROM b"));
    }

    @Test
    void parenthesesLeaveNoTrace() {
        assertEquals(firstColumn("a"), firstColumn("((a))"));
        assertInstanceOf(Expr.Row.class, firstColumn("(a, b)"));
    }

    @Test
    void statementsOneAtATime() {
        Parser p = new Parser(";; SELECT 1; -- c\n  UPDATE t SET a = 1 ;");
        assertInstanceOf(Select.class, p.next());
        assertInstanceOf(Stmt.class, p.next());
        assertNull(p.next());
        assertNull(Parser.parse("  -- nothing\n ; "));
        assertEquals(2, Parser.parseAll("SELECT 1; SELECT 2").size());
    }

    @Test
    void tailOffsetAfterEachStatement() {
        String sql = "SELECT 1; SELECT 2";
        Parser p = new Parser(sql);
        p.next();
        assertEquals("SELECT 2", sql.substring(p.offset()));
    }
}
