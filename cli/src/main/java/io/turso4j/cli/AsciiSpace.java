package io.turso4j.cli;

/** C's {@code isspace} in the "C" locale, which is what sqlite3's shell means by whitespace. Stateless. */
final class AsciiSpace {
    private AsciiSpace() {}

    static boolean is(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
    }

    /** {@code s} without its leading whitespace. */
    static String stripLeading(String s) {
        int i = 0;
        while (i < s.length() && is(s.charAt(i))) {
            i++;
        }
        return s.substring(i);
    }
}
