package io.turso4j.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The output modes on hand-made rows; expected texts are what sqlite3 3.40 printed for the same rows. */
class FormattersTest {
    private final OutputSettings settings = new OutputSettings();

    private String print(List<String> names, Object[]... rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ShellOutput out = new ShellOutput(bytes);
        ResultFormatter f = ResultFormatter.create(settings, out, names);
        for (Object[] row : rows) {
            f.row(row, Arrays.stream(row).map(CellText::of).toArray(byte[][]::new));
        }
        f.finish();
        out.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listJoinsWithPipesAndPrintsNullAsEmpty() {
        assertEquals("1|1.5|a|b||AB\n", print(List.of("a", "b", "c", "d", "e"),
                new Object[] {1L, 1.5, "a|b", null, new byte[] {'A', 'B', 0, 'C'}}));
    }

    @Test
    void listHeadersComeOnceBeforeTheFirstRowAndNotForNoRows() {
        settings.setHeaders(true);
        assertEquals("a|b c\n1|x\n2|y\n", print(List.of("a", "b c"), new Object[] {1L, "x"}, new Object[] {2L, "y"}));
        assertEquals("", print(List.of("a")));
    }

    @Test
    void nullValueReplacesNull() {
        settings.setNullValue("NUL");
        assertEquals("NUL|2\n", print(List.of("a", "b"), new Object[] {null, 2L}));
    }

    @Test
    void separatorsApply() {
        settings.setSeparators(";", "\n--\n");
        assertEquals("1;2\n--\n", print(List.of("a", "b"), new Object[] {1L, 2L}));
    }

    @Test
    void csvQuotesWhatSqlite3Quotes() {
        settings.setMode("csv");
        settings.setNullValue("N");
        assertEquals("1,\"a,b\",\"q\"\"x\",N,1.5,AB,\"line\nbreak\",\"\",\"sp ace\",\"é\",\"'\",plain\r\n",
                print(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"),
                        new Object[] {1L, "a,b", "q\"x", null, 1.5, new byte[] {'A', 'B'}, "line\nbreak", "", "sp ace",
                            "é", "'", "plain"}));
    }

    @Test
    void csvHeadersAreQuotedLikeValues() {
        settings.setMode("csv");
        settings.setHeaders(true);
        assertEquals("a,\"'a,b'\"\r\n1,2\r\n", print(List.of("a", "'a,b'"), new Object[] {1L, 2L}));
    }

    @Test
    void tabsModeChangesOnlyTheColumnSeparator() {
        settings.setMode("csv");
        settings.setMode("tabs");
        assertEquals("1\ta b\r\n", print(List.of("a", "b"), new Object[] {1L, "a b"}));
        settings.setMode("list");
        assertEquals("1|2\n", print(List.of("a", "b"), new Object[] {1L, 2L}));
    }

    @Test
    void lineModeRightAlignsNamesAndSeparatesRecords() {
        settings.setMode("line");
        assertEquals("       a = 1\nlongname = xx\n       n = \n\n       a = 2\nlongname = yy\n       n = \n",
                print(List.of("a", "longname", "n"), new Object[] {1L, "xx", null}, new Object[] {2L, "yy", null}));
        assertEquals("    a = 1\n", print(List.of("a"), new Object[] {1L}));
    }

    @Test
    void columnModeTurnsHeadersOnAndPadsEveryCell() {
        settings.setMode("column");
        assertEquals("""
                a      b      c  d \s
                -----  -----  -  ---
                1      hello     1.5
                22222  x      3  2 \s
                """, print(List.of("a", "b", "c", "d"), new Object[] {1L, "hello", null, 1.5},
                new Object[] {22222L, "x", 3L, 2L}));
    }

    @Test
    void columnWidthsCountNamesEvenWithHeadersOff() {
        settings.setHeaders(false);
        settings.setMode("column");
        assertEquals("1         2\n", print(List.of("longname", "2"), new Object[] {1L, 2L}));
    }

    @Test
    void columnModeExpandsTabsAndCountsCharacters() {
        settings.setMode("column");
        assertEquals("t          e  \n---------  ---\n        a  ééé\n",
                print(List.of("t", "e"), new Object[] {"\ta", "ééé"}));
    }

    @Test
    void columnModeContinuesValuesWithControlCharactersOnLinesOfTheirOwn() {
        settings.setMode("column");
        settings.setNullValue("NV");
        assertEquals("n   m\n--  -\nNV  a\n    b\n", print(List.of("n", "m"), new Object[] {null, "a\nb"}));
        assertEquals(List.of("a", "", "b"), ColumnFormatter.displayLines("a\r\n\u0001b".getBytes(StandardCharsets.UTF_8), 0)
                .stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList());
        assertEquals(List.of("x"), ColumnFormatter.displayLines("x\n".getBytes(StandardCharsets.UTF_8), 0)
                .stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList());
    }

    @Test
    void columnModePrintsNothingForNoRows() {
        settings.setMode("column");
        assertEquals("", print(List.of("a")));
    }

    @Test
    void headersSetExplicitlyStayOffInColumnMode() {
        settings.setHeaders(false);
        settings.setMode("column");
        assertEquals(false, settings.showHeader());
        OutputSettings fresh = new OutputSettings();
        fresh.setMode("column");
        assertEquals(true, fresh.showHeader());
    }
}
