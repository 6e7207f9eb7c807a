package io.turso4j.translate;

import java.util.Locale;

/**
 * How SQLite reads a PRAGMA's value (pragma.c): {@code sqlite3Atoi}'s leading integer,
 * {@code getSafetyLevel}'s names and numbers, {@code getAutoVacuum}. Each returns null for a
 * missing value (the pragma then only reads). Stateless.
 */
final class PragmaValues {
    private PragmaValues() {
    }

    /** {@code sqlite3Atoi}: the leading signed 32-bit integer, 0 when there is none or it overflows. */
    static int int32(String value) {
        int i = 0;
        boolean negative = false;
        if (i < value.length() && (value.charAt(i) == '-' || value.charAt(i) == '+')) {
            negative = value.charAt(i++) == '-';
        }
        while (i < value.length() && value.charAt(i) == '0') {
            i++;
        }
        long v = 0;
        int digits = 0;
        for (; i < value.length() && value.charAt(i) >= '0' && value.charAt(i) <= '9'; i++, digits++) {
            if (digits == 10) {
                return 0;
            }
            v = v * 10 + (value.charAt(i) - '0');
        }
        v = negative ? -v : v;
        return v < Integer.MIN_VALUE || v > Integer.MAX_VALUE ? 0 : (int) v;
    }

    static Long integer(String value) {
        return value == null ? null : (long) int32(value);
    }

    /**
     * {@code getSafetyLevel}: a number (its low byte), or one of on/yes/true (1), no/off/false
     * (0), full (2), extra (3); anything else is {@code otherwise}.
     */
    private static int safetyLevel(String value, int otherwise) {
        if (!value.isEmpty() && value.charAt(0) >= '0' && value.charAt(0) <= '9') {
            return int32(value) & 0xFF;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "on", "yes", "true" -> 1;
            case "no", "off", "false" -> 0;
            case "full" -> 2;
            case "extra" -> 3;
            default -> otherwise;
        };
    }

    /** {@code PRAGMA foreign_keys = …} and other booleans: unknown words are off. */
    static Long bool(String value) {
        return value == null ? null : safetyLevel(value, 0) != 0 ? 1L : 0L;
    }

    /**
     * {@code PRAGMA synchronous = …}: SQLite stores {@code (level + 1) & 7} (1 when that is 0)
     * and reports one less, so e.g. 7 reads back as 0 and unknown words as NORMAL.
     */
    static Long synchronous(String value) {
        if (value == null) {
            return null;
        }
        int stored = (safetyLevel(value, 1) + 1) & 7;
        return (long) (stored == 0 ? 1 : stored) - 1;
    }

    /** {@code getAutoVacuum}: none/full/incremental, or 0..2 (anything else is none). */
    static Long autoVacuum(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "none" -> 0L;
            case "full" -> 1L;
            case "incremental" -> 2L;
            default -> {
                int i = int32(value);
                yield i >= 0 && i <= 2 ? (long) i : 0L;
            }
        };
    }
}
