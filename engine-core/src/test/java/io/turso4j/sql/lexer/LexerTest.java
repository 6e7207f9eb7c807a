package io.turso4j.sql.lexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexerTest {
    private static List<String> lex(String sql) {
        Tokens t = Lexer.tokenize(sql);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.size() - 1; i++) {
            out.add(t.type(i) + ":" + t.text(i));
        }
        assertEquals(TokenType.EOF, t.type(t.size() - 1));
        return out;
    }

    @Test
    void everyTokenTypeFitsTheByteTokensHoldItAs() {
        assertTrue(TokenType.values().length <= 256, TokenType.values().length + " token types");
        // A contextual keyword is rewritten in place once lexed: a keyword, or an ID.
        assertEquals("FILTER:filter", lex("count(*) filter (where 1)").get(4));
        assertEquals(List.of("ID:filter"), lex("filter"));
    }

    @Test
    void textDenserThanTheInitialCapacityGrowsIt() {
        // One token a char: the arrays start at two fifths of the text's length and must grow.
        StringBuilder sql = new StringBuilder("-");
        List<String> expected = new ArrayList<>(List.of("MINUS:-"));
        for (int i = 0; i < 500; i++) {
            sql.append(i % 2 == 0 ? "(" : "~");
            expected.add(i % 2 == 0 ? "LP:(" : "BITNOT:~");
        }
        assertEquals(expected, lex(sql.toString()));
    }

    @Test
    void operators() {
        assertEquals(List.of("PTR:->", "PTR2:->>", "CONCAT:||", "LSHIFT:<<", "RSHIFT:>>", "EQ:==", "EQ:=",
                "NE:!=", "NE:<>", "LE:<=", "GE:>=", "LT:<", "GT:>", "BITOR:|", "BITAND:&", "BITNOT:~", "REM:%",
                "SLASH:/", "STAR:*", "PLUS:+", "MINUS:-", "DOT:.", "COMMA:,", "LP:(", "RP:)", "SEMI:;"),
                lex("-> ->> || << >> == = != <> <= >= < > | & ~ % / * + - . , ( ) ;"));
    }

    @Test
    void numbers() {
        assertEquals(List.of("INTEGER:1", "INTEGER:0x1F", "FLOAT:1e5", "FLOAT:.5", "FLOAT:1.", "FLOAT:1.5E-3",
                "INTEGER:1_000", "FLOAT:1_0.2_5"), lex("1 0x1F 1e5 .5 1. 1.5E-3 1_000 1_0.2_5"));
        assertEquals(List.of("ILLEGAL:12abc", "ILLEGAL:1e", "ILLEGAL:0x", "ILLEGAL:1_", "ILLEGAL:1__0"),
                lex("12abc 1e 0x 1_ 1__0"));
        assertEquals(List.of("INTEGER:0x1", "ID:g"), lex("0x1g"));
        assertEquals(List.of("FLOAT:1.", "FLOAT:.2"), lex("1..2"));
    }

    @Test
    void stringsNamesAndBlobs() {
        assertEquals(List.of("STRING:'it''s'", "ID:\"a \"\"b\"", "ID:[x y]", "ID:`q``r`", "BLOB:x'0aFF'",
                "BLOB:X''"), lex("'it''s' \"a \"\"b\" [x y] `q``r` x'0aFF' X''"));
        assertEquals(List.of("ILLEGAL:x'abc'"), lex("x'abc'"));
        assertEquals(List.of("ILLEGAL:x'zz'"), lex("x'zz'"));
        assertEquals(List.of("ILLEGAL:'open"), lex("'open"));
        assertEquals(List.of("ILLEGAL:[open"), lex("[open"));
        assertEquals(List.of("ID:xyz", "ID:_a$1", "ID:été"), lex("xyz _a$1 été"));
    }

    @Test
    void parameters() {
        assertEquals(List.of("VARIABLE:?", "VARIABLE:?12", "VARIABLE::a", "VARIABLE:@b", "VARIABLE:$c::d(e)",
                "VARIABLE:#f"), lex("? ?12 :a @b $c::d(e) #f"));
        assertEquals(List.of("ILLEGAL::", "ILLEGAL:$", "ILLEGAL:@"), lex(": $ @"));
    }

    @Test
    void commentsAreDropped() {
        assertEquals(List.of("SELECT:SELECT", "INTEGER:1", "PLUS:+", "INTEGER:2"),
                lex("SELECT -- one\n 1 /* two */ + 2 /* unterminated"));
        assertEquals(List.of("INTEGER:1"), lex("1--x"));
    }

    @Test
    void keywordsIgnoreCase() {
        assertEquals(List.of("SELECT:select", "SELECT:SeLeCt", "CURRENT_TIMESTAMP:current_timestamp", "ID:selects"),
                lex("select SeLeCt current_timestamp selects"));
        assertTrue(Lexer.isKeyword("replace"));
        assertFalse(Lexer.isKeyword("rowid"));
        assertFalse(Lexer.isKeyword("strict"));
    }

    @Test
    void windowOverFilterAreKeywordsOnlyInContext() {
        assertEquals("WINDOW:WINDOW", lex("SELECT 1 WINDOW w AS ()").get(2));
        assertEquals("ID:window", lex("SELECT window FROM t").get(1));
        assertEquals("OVER:over", lex("f(x) over (w)").get(4));
        assertEquals("OVER:over", lex("f(x) over w").get(4));
        assertEquals("ID:over", lex("f(x) over").get(4));
        assertEquals("ID:over", lex("a over (w)").get(1));
        assertEquals("FILTER:filter", lex("f(x) filter (where 1)").get(4));
        assertEquals("ID:filter", lex("f(x) filter x").get(4));
    }

    @Test
    void illegalCharacters() {
        assertEquals(List.of("ILLEGAL:!", "INTEGER:1", "ILLEGAL:\\"), lex("! 1 \\"));
    }
}
