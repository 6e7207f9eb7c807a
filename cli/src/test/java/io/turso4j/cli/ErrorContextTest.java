package io.turso4j.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Expected texts are what sqlite3 3.40 printed for the same statements. */
class ErrorContextTest {

    @Test
    void nearTheLeftTheMarkerPointsRight() {
        assertEquals("\n  select x from;\n               ^--- error here", ErrorContext.render("select x from;", 13));
        assertEquals("\n  select $ from t;\n         ^--- error here", ErrorContext.render("select $ from t;", 7));
    }

    @Test
    void furtherRightTheMarkerPointsLeft() {
        assertEquals("\n  select 1 from t where a =;\n             error here ---^",
                ErrorContext.render("select 1 from t where a =;", 25));
    }

    @Test
    void whitespaceShowsAsSpaces() {
        assertEquals("\n  select   x  from;\n                  ^--- error here", ErrorContext.render("select\n  x\n from;", 16));
    }

    @Test
    void longTextIsWindowedAroundTheError() {
        String sql = "select 1 from t where aaaaaaaaaaaaaaaaaaaaaaaaaaaaa =;";
        assertEquals("\n  ect 1 from t where aaaaaaaaaaaaaaaaaaaaaaaaaaaaa =;\n                                      error here ---^",
                ErrorContext.render(sql, sql.length() - 1));
        String longer = "x".repeat(100);
        String shown = ErrorContext.render(longer, 0).split("\n")[1];
        assertEquals(2 + 78, shown.length());
    }

    @Test
    void multiByteCharactersAreNeverSplit() {
        String sql = "select '" + "é".repeat(40) + "' from;";
        String context = ErrorContext.render(sql, sql.length() - 1);
        assertEquals(false, context.contains("\uFFFD"));
    }
}
