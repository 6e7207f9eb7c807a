package io.turso4j.cli;

/**
 * sqlite3's {@code integerValue} for dot-command arguments: an optional sign, then decimal
 * digits or {@code 0x} hex digits. (sqlite3 also takes KiB/MiB-style suffixes, which none of
 * this shell's commands need.) Stateless.
 */
final class ShellNumbers {
    private ShellNumbers() {}

    /** True for all-decimal-digit text or {@code 0x} followed by hex digits (what booleanValue takes as a number). */
    static boolean isInteger(String s) {
        if (s.startsWith("0x")) {
            return s.chars().skip(2).allMatch(c -> Character.digit(c, 16) >= 0);
        }
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The leading integer of {@code s}; 0 when there is none. Wraps on overflow, as C does. */
    static long integerValue(String s) {
        int i = 0;
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        long v = 0;
        if (s.startsWith("0x", i)) {
            for (i += 2; i < s.length() && Character.digit(s.charAt(i), 16) >= 0; i++) {
                v = v * 16 + Character.digit(s.charAt(i), 16);
            }
        } else {
            for (; i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
                v = v * 10 + (s.charAt(i) - '0');
            }
        }
        return negative ? -v : v;
    }
}
