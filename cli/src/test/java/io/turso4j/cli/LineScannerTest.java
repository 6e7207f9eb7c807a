package io.turso4j.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LineScannerTest {

    private static LineScanner scan(String... lines) {
        LineScanner s = new LineScanner();
        for (String line : lines) {
            s.scan(line);
        }
        return s;
    }

    @Test
    void blankAndCommentLinesAreWhite() {
        assertTrue(scan("   ").plainWhite());
        assertTrue(scan("-- comment ; 'x").plainWhite());
        assertTrue(scan("/* a */  /* b */").plainWhite());
        assertTrue(scan(";;").plainWhite());
    }

    @Test
    void aStatementEndingInSemicolonIsTerminated() {
        assertTrue(scan("select 1;").semicolonTerminated());
        assertTrue(scan("select 1; -- trailing").semicolonTerminated());
        assertTrue(scan("select 1; /* c */").semicolonTerminated());
        assertFalse(scan("select 1; select 2").semicolonTerminated());
        assertFalse(scan("select 1").plainWhite());
    }

    @Test
    void quotesAndCommentsCarryOverLines() {
        LineScanner s = scan("select 'abc;");
        assertFalse(s.inPlain());
        s.scan("def';");
        assertTrue(s.semicolonTerminated());
        assertFalse(scan("/* open", "still ;").inPlain());
        assertTrue(scan("/* open", "closed */ x;").semicolonTerminated());
        assertTrue(scan("select [a;b", "];").semicolonTerminated());
        assertTrue(scan("select 'it''s;';").semicolonTerminated());
        assertFalse(scan("select \"a;").inPlain());
    }

    @Test
    void resetForgetsEverything() {
        LineScanner s = scan("select 'open");
        s.reset();
        assertTrue(s.plainWhite());
    }
}
