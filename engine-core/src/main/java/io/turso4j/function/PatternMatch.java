package io.turso4j.function;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.value.Register;

/**
 * LIKE and GLOB matching as func.c's {@code patternCompare} does it, over UTF-8 bytes:
 * GLOB is case-sensitive with {@code *}, {@code ?} and {@code [...]} sets; LIKE has
 * {@code %} and {@code _}, an optional escape character, and folds case for ASCII letters only
 * (so {@code 'é' LIKE 'É'} is false). Both arguments are C strings: matching stops at a NUL.
 *
 * <p>The functions are {@code like(P, S [, E])} and {@code glob(P, S)}: pattern first, as
 * {@code S LIKE P} compiles to. Stateless; any thread.
 */
final class PatternMatch {
    /** SQLite's {@code SQLITE_MAX_LIKE_PATTERN_LENGTH}. */
    private static final int MAX_PATTERN_BYTES = 50_000;

    private static final int MATCH = 0;
    private static final int NO_MATCH = 1;
    /** No match even trying every position after a wildcard: the caller may stop searching. */
    private static final int NO_WILDCARD_MATCH = 2;

    /** A wildcard that is switched off: no character reads as it. */
    private static final int NONE = -1;

    private final int matchAll;
    private final int matchOne;
    private final int matchSet;
    private final boolean noCase;

    private static final PatternMatch GLOB = new PatternMatch('*', '?', '[', false);
    private static final PatternMatch LIKE = new PatternMatch('%', '_', 0, true);

    private PatternMatch(int matchAll, int matchOne, int matchSet, boolean noCase) {
        this.matchAll = matchAll;
        this.matchOne = matchOne;
        this.matchSet = matchSet;
        this.noCase = noCase;
    }

    static void register(FunctionRegistry.Builder b) {
        b.scalar("glob", 2, (ctx, a, s, n, out) -> GLOB.call(a, s, n, out));
        b.scalar("like", 2, (ctx, a, s, n, out) -> LIKE.call(a, s, n, out));
        b.scalar("like", 3, (ctx, a, s, n, out) -> LIKE.call(a, s, n, out));
    }

    private void call(Register[] a, int s, int n, Register out) {
        byte[] pattern = Utf8.cTextOf(a[s]);
        if (pattern != null && Utf8.textOf(a[s]).length > MAX_PATTERN_BYTES) {
            throw new SqliteException(ResultCode.ERROR, "LIKE or GLOB pattern too complex");
        }
        int escape = matchSet;
        if (n == 3) {
            byte[] esc = Utf8.cTextOf(a[s + 2]);
            if (esc == null) {
                out.setNull();
                return;
            }
            if (Utf8.charCount(esc, 0, esc.length) != 1) {
                throw new SqliteException(ResultCode.ERROR, "ESCAPE expression must be a single character");
            }
            escape = new Utf8.Reader(esc).next();
        }
        byte[] string = Utf8.cTextOf(a[s + 1]);
        if (pattern == null || string == null) {
            out.setNull();
            return;
        }
        // An escape that is also a wildcard is only the escape, as in SQLite's likeFunc.
        PatternMatch dialect = escape == matchAll || escape == matchOne
                ? new PatternMatch(escape == matchAll ? NONE : matchAll, escape == matchOne ? NONE : matchOne, matchSet,
                        noCase)
                : this;
        out.setInt(dialect.matches(pattern, string, escape) ? 1 : 0);
    }

    /** Whether {@code string} matches {@code pattern} with this dialect (escape 0: none). */
    private boolean matches(byte[] pattern, byte[] string, int escape) {
        return compare(new Utf8.Reader(pattern), new Utf8.Reader(string), escape) == MATCH;
    }

    private int compare(Utf8.Reader p, Utf8.Reader s, int matchOther) {
        int escapedEnd = -1; // pattern position just past an escaped character
        int c;
        while ((c = p.next()) != 0) {
            if (c == matchAll) {
                while ((c = p.next()) == matchAll || c == matchOne) {
                    if (c == matchOne && s.next() == 0) {
                        return NO_WILDCARD_MATCH;
                    }
                }
                if (c == 0) {
                    return MATCH;
                } else if (c == matchOther) {
                    if (matchSet == 0) {
                        c = p.next();
                        if (c == 0) {
                            return NO_WILDCARD_MATCH;
                        }
                    } else {
                        // "[...]" right after "*": try every starting position.
                        int setStart = p.pos - 1;
                        while (s.peek() != 0) {
                            int r = compare(new Utf8.Reader(p.z, setStart, p.end),
                                    new Utf8.Reader(s.z, s.pos, s.end), matchOther);
                            if (r != NO_MATCH) {
                                return r;
                            }
                            s.pos = Utf8.skip(s.z, s.pos, s.end);
                        }
                        return NO_WILDCARD_MATCH;
                    }
                }
                return searchAfterWildcard(c, p, s, matchOther);
            }
            if (c == matchOther) {
                if (matchSet == 0) {
                    c = p.next();
                    if (c == 0) {
                        return NO_MATCH;
                    }
                    escapedEnd = p.pos;
                } else {
                    if (!matchSetAt(p, s)) {
                        return NO_MATCH;
                    }
                    continue;
                }
            }
            int c2 = s.next();
            if (c == c2) {
                continue;
            }
            if (noCase && isAscii(c) && isAscii(c2) && lower(c) == lower(c2)) {
                continue;
            }
            if (c == matchOne && p.pos != escapedEnd && c2 != 0) {
                continue;
            }
            return NO_MATCH;
        }
        return s.peek() == 0 ? MATCH : NO_MATCH;
    }

    /** After a wildcard: find {@code c} in the string and match the rest of the pattern from there. */
    private int searchAfterWildcard(int c, Utf8.Reader p, Utf8.Reader s, int matchOther) {
        if (isAscii(c)) {
            int upper = noCase ? upper(c) : c;
            int low = noCase ? lower(c) : c;
            while (true) {
                int b;
                while ((b = s.peek()) != 0 && b != upper && b != low) {
                    s.pos++;
                }
                if (b == 0) {
                    break;
                }
                s.pos++;
                int r = compare(new Utf8.Reader(p.z, p.pos, p.end), new Utf8.Reader(s.z, s.pos, s.end),
                        matchOther);
                if (r != NO_MATCH) {
                    return r;
                }
            }
        } else {
            int c2;
            while ((c2 = s.next()) != 0) {
                if (c2 != c) {
                    continue;
                }
                int r = compare(new Utf8.Reader(p.z, p.pos, p.end), new Utf8.Reader(s.z, s.pos, s.end),
                        matchOther);
                if (r != NO_MATCH) {
                    return r;
                }
            }
        }
        return NO_WILDCARD_MATCH;
    }

    /** GLOB's {@code [...]}: consumes the set from the pattern and one character of the string. */
    private static boolean matchSetAt(Utf8.Reader p, Utf8.Reader s) {
        int c = s.next();
        if (c == 0) {
            return false;
        }
        int prior = 0; // 0: no range start (code points compare unsigned)
        boolean seen = false;
        boolean invert = false;
        int c2 = p.next();
        if (c2 == '^') {
            invert = true;
            c2 = p.next();
        }
        if (c2 == ']') {
            seen = c == ']';
            c2 = p.next();
        }
        while (c2 != 0 && c2 != ']') {
            if (c2 == '-' && p.peek() != ']' && p.peek() != 0 && prior != 0) {
                c2 = p.next();
                if (Integer.compareUnsigned(c, prior) >= 0 && Integer.compareUnsigned(c, c2) <= 0) {
                    seen = true;
                }
                prior = 0;
            } else {
                if (c == c2) {
                    seen = true;
                }
                prior = c2;
            }
            c2 = p.next();
        }
        return c2 != 0 && seen != invert;
    }

    /**
     * Code points are unsigned 32-bit values, as in C: a long run of continuation bytes can
     * push one past 2^31, which must still compare as large.
     */
    private static boolean isAscii(int c) {
        return Integer.compareUnsigned(c, 0x80) < 0;
    }

    private static int lower(int c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    private static int upper(int c) {
        return c >= 'a' && c <= 'z' ? c - 32 : c;
    }
}
