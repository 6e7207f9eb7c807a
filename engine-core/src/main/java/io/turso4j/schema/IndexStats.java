package io.turso4j.schema;

import java.util.Arrays;

/**
 * What one {@code sqlite_stat1} row says (fileformat2.html#stat1tab): {@code estimates[0]} is
 * the number of rows; {@code estimates[i]} the average number of rows sharing a value of the
 * first {@code i} index columns. A row with no index (idx NULL) gives only {@code estimates[0]}.
 * Options after the numbers: {@code unordered} (the index should not be used to sort),
 * {@code sz=N} (average row size hint), {@code noskipscan}. Unknown words are ignored, as by
 * SQLite. Immutable.
 *
 * @param sizeHint the {@code sz=} value, or -1 when absent
 */
public record IndexStats(long[] estimates, boolean unordered, boolean noSkipScan, long sizeHint) {

    public IndexStats {
        estimates = estimates.clone();
    }

    /** Parses a {@code stat} column value the way SQLite's decodeIntArray does. */
    public static IndexStats parse(String stat) {
        long[] numbers = new long[8];
        int n = 0;
        int i = 0;
        int len = stat.length();
        boolean unordered = false;
        boolean noSkipScan = false;
        long size = -1;
        while (i < len && isDigit(stat.charAt(i))) {
            long v = 0;
            while (i < len && isDigit(stat.charAt(i))) {
                v = v * 10 + (stat.charAt(i) - '0');
                i++;
            }
            if (n == numbers.length) {
                numbers = Arrays.copyOf(numbers, n * 2);
            }
            numbers[n++] = v;
            if (i < len && stat.charAt(i) == ' ') {
                i++;
            }
        }
        while (i < len) {
            int end = stat.indexOf(' ', i);
            if (end < 0) {
                end = len;
            }
            String word = stat.substring(i, end);
            if (word.equals("unordered")) {
                unordered = true;
            } else if (word.startsWith("sz=")) {
                size = leadingNumber(word.substring(3));
            } else if (word.equals("noskipscan")) {
                noSkipScan = true;
            }
            i = end + 1;
        }
        return new IndexStats(Arrays.copyOf(numbers, n), unordered, noSkipScan, size);
    }

    /** The row count estimate, or -1 when the row held no number. */
    public long rows() {
        return estimates.length > 0 ? estimates[0] : -1;
    }

    @Override
    public long[] estimates() {
        return estimates.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndexStats s && Arrays.equals(estimates, s.estimates) && unordered == s.unordered
                && noSkipScan == s.noSkipScan && sizeHint == s.sizeHint;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(estimates) * 31 + Long.hashCode(sizeHint);
    }

    @Override
    public String toString() {
        return "IndexStats" + Arrays.toString(estimates) + (unordered ? " unordered" : "")
                + (noSkipScan ? " noskipscan" : "") + (sizeHint >= 0 ? " sz=" + sizeHint : "");
    }

    private static long leadingNumber(String s) {
        long v = 0;
        for (int i = 0; i < s.length() && isDigit(s.charAt(i)); i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
