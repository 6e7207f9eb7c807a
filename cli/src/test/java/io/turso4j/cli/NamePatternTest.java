package io.turso4j.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NamePatternTest {

    @Test
    void likeFoldsAsciiCaseAndHasTwoWildcards() {
        assertTrue(NamePattern.like("t%", "T1", (char) 0));
        assertTrue(NamePattern.like("t_", "t1", (char) 0));
        assertFalse(NamePattern.like("t_", "t12", (char) 0));
        assertTrue(NamePattern.like("%", "", (char) 0));
        assertTrue(NamePattern.like("sqlite_%", "sqliteXseq", (char) 0));
        assertFalse(NamePattern.like("é", "É", (char) 0));
    }

    @Test
    void likeEscapeMakesWildcardsLiteral() {
        assertTrue(NamePattern.like("a\\_b", "a_b", '\\'));
        assertFalse(NamePattern.like("a\\_b", "axb", '\\'));
    }

    @Test
    void globIsCaseSensitiveWithClasses() {
        assertTrue(NamePattern.glob("ab*", "abc"));
        assertFalse(NamePattern.glob("AB*", "abc"));
        assertTrue(NamePattern.glob("a?c", "abc"));
        assertTrue(NamePattern.glob("[a-c]x", "bx"));
        assertFalse(NamePattern.glob("[^a-c]x", "bx"));
        assertTrue(NamePattern.glob("[]]", "]"));
    }
}
