package io.turso4j.tests.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryCheckerTest {

    private static SltRecord.Query query(String types, SortMode mode, String label, List<String> expected) {
        return new SltRecord.Query(1, List.of(), types, mode, mode.name().toLowerCase(), label, "SELECT", expected);
    }

    private static QueryOutcome.Rows rows(int columns, long... values) {
        List<SqlValue[]> rows = new ArrayList<>();
        for (int i = 0; i < values.length; i += columns) {
            SqlValue[] row = new SqlValue[columns];
            for (int c = 0; c < columns; c++) {
                row[c] = SqlValue.ofLong(values[i + c]);
            }
            rows.add(row);
        }
        return new QueryOutcome.Rows(columns, rows, null);
    }

    @Test
    void sortsCompareRenderedStringsBytewise() {
        List<String> values = List.of("9", "NULL", "10", "-1");
        assertEquals(List.of("-1", "10", "9", "NULL"), QueryChecker.sorted(values, 1, SortMode.VALUESORT));
        assertEquals(values, QueryChecker.sorted(values, 1, SortMode.NOSORT));
        assertEquals(List.of("-1", "10", "9", "NULL"), QueryChecker.sorted(values, 1, SortMode.ROWSORT));
        List<String> pairs = List.of("9", "1", "10", "2", "9", "0");
        assertEquals(List.of("10", "2", "9", "0", "9", "1"), QueryChecker.sorted(pairs, 2, SortMode.ROWSORT));
        assertEquals(List.of("0", "1", "10", "2", "9", "9"), QueryChecker.sorted(pairs, 2, SortMode.VALUESORT));
    }

    @Test
    void resultsUpToTheThresholdCompareValueByValue() {
        QueryChecker.Verdict ok = QueryChecker.check(query("II", SortMode.ROWSORT, null, List.of("1", "2", "3", "4")),
                rows(2, 3, 4, 1, 2), 8);
        assertNull(ok.failure());
        assertNull(ok.md5());
        QueryChecker.Verdict bad = QueryChecker.check(query("II", SortMode.NOSORT, null, List.of("1", "2", "3", "4")),
                rows(2, 3, 4, 1, 2), 8);
        assertEquals(FailureCategory.WRONG_VALUES, bad.failure());
        assertEquals(List.of("3", "4", "1", "2"), bad.got());
        QueryChecker.Verdict tooFew = QueryChecker.check(query("I", SortMode.NOSORT, null, List.of("1", "2")),
                rows(1, 1), 8);
        assertEquals(FailureCategory.WRONG_VALUES, tooFew.failure());
    }

    @Test
    void resultsOverTheThresholdCompareTheHashLine() {
        long[] nine = {9, 8, 7, 6, 5, 4, 3, 2, 1};
        String md5 = ResultHasher.md5(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9"));
        String line = "9 values hashing to " + md5;
        QueryChecker.Verdict ok = QueryChecker.check(query("I", SortMode.VALUESORT, null, List.of(line)), rows(1, nine), 8);
        assertNull(ok.failure());
        assertEquals(md5, ok.md5());
        QueryChecker.Verdict wrongCount = QueryChecker.check(
                query("I", SortMode.VALUESORT, null, List.of("8 values hashing to " + md5)), rows(1, nine), 8);
        assertEquals(FailureCategory.WRONG_HASH, wrongCount.failure());
        // Threshold 0 never hashes, so the nine values must be listed.
        QueryChecker.Verdict listed = QueryChecker.check(query("I", SortMode.VALUESORT, null,
                List.of("1", "2", "3", "4", "5", "6", "7", "8", "9")), rows(1, nine), 0);
        assertNull(listed.failure());
        // Exactly at the threshold the values are listed, not hashed.
        QueryChecker.Verdict atThreshold = QueryChecker.check(query("I", SortMode.VALUESORT, null,
                List.of("1", "2", "3", "4", "5", "6", "7", "8")), rows(1, 8, 7, 6, 5, 4, 3, 2, 1), 8);
        assertNull(atThreshold.failure());
    }

    @Test
    void aLabelAlwaysYieldsAHashEvenForSmallResults() {
        QueryChecker.Verdict v = QueryChecker.check(query("I", SortMode.NOSORT, "label-1", List.of()), rows(1), 8);
        assertNull(v.failure());
        assertEquals(ResultHasher.EMPTY_MD5, v.md5());
    }

    @Test
    void wrongColumnCountFails() {
        QueryChecker.Verdict v = QueryChecker.check(query("III", SortMode.NOSORT, null, List.of("1", "2")), rows(2, 1, 2), 8);
        assertEquals(FailureCategory.COLUMN_COUNT, v.failure());
    }

    @Test
    void malformedRecordsAreNamed() {
        assertNull(QueryChecker.malformation(query("ITR", SortMode.NOSORT, null, List.of())));
        assertEquals("unknown column type 'X' in IX",
                QueryChecker.malformation(query("IX", SortMode.NOSORT, null, List.of())));
        SltRecord.Query badSort = new SltRecord.Query(1, List.of(), "I", null, "sorted", null, "SELECT 1", List.of());
        assertEquals("unknown sort mode: sorted", QueryChecker.malformation(badSort));
    }
}
