package io.turso4j.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DotCommandLineTest {

    @Test
    void splitsOnWhitespace() {
        assertEquals(List.of("print", "hello", "world"), DotCommandLine.split(".print   hello\tworld  "));
        assertEquals(List.of(), DotCommandLine.split("."));
    }

    @Test
    void quotedWordsKeepTheirSpaces() {
        assertEquals(List.of("print", "q  x", "y z"), DotCommandLine.split(".print \"q  x\" 'y z'"));
    }

    @Test
    void doubleQuotesAndBareWordsResolveEscapesSingleQuotesDoNot() {
        assertEquals(List.of("print", "a\tb", "c\td", "e\\tf"), DotCommandLine.split(".print a\\tb \"c\\td\" 'e\\tf'"));
        assertEquals(List.of("separator", "\"q", "x\n"), DotCommandLine.split(".separator \"\\\"q\" x\\n"));
    }

    @Test
    void anUnterminatedQuoteRunsToTheEnd() {
        assertEquals(List.of("print", "open quote"), DotCommandLine.split(".print \"open quote"));
    }

    @Test
    void backslashEscapes() {
        assertEquals("\u0007\b\t\n\u000b\f\r\"'\\", DotCommandLine.resolveBackslashes("\\a\\b\\t\\n\\v\\f\\r\\\"\\'\\\\"));
        assertEquals("A!q", DotCommandLine.resolveBackslashes("\\101\\41\\q"));
        assertEquals("end\\", DotCommandLine.resolveBackslashes("end\\"));
    }
}
