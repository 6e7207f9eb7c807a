package io.turso4j.function;

import io.turso4j.value.Register;
import java.io.ByteArrayOutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * UTF-8 the way SQLite's functions walk it: byte arrays, never {@link String}s, so malformed
 * text behaves as in SQLite. A lead byte {@code >= 0xC0} swallows every following continuation
 * byte ({@code SQLITE_SKIP_UTF8}); decoding replaces overlong forms, surrogates and
 * U+FFFE/U+FFFF with U+FFFD ({@code sqlite3Utf8Read}); and, since SQLite hands C strings to
 * most functions, many of them stop at the first NUL byte ({@link #cLength}).
 *
 * <p>Stateless; any thread.
 */
final class Utf8 {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** The top bit of each byte of a long; the low bit of each byte. */
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LOW_BITS = 0x0101010101010101L;
    /** The payload bits of a lead byte 0xC0..0xFF ({@code sqlite3Utf8Trans1}). */
    private static final byte[] LEAD_BITS = new byte[64];

    static {
        for (int i = 0; i < 64; i++) {
            int c = 0xC0 + i;
            LEAD_BITS[i] = (byte) (c < 0xE0 ? c - 0xC0 : c < 0xF0 ? c - 0xE0 : c < 0xF8 ? c - 0xF0
                    : c < 0xFC ? c - 0xF8 : c < 0xFE ? c - 0xFC : 0);
        }
    }

    private Utf8() {
    }

    /**
     * The value as {@code sqlite3_value_text} gives it, as exactly-sized UTF-8 bytes: numbers
     * rendered, a BLOB's bytes taken as they are; {@code null} for NULL.
     */
    static byte[] textOf(Register r) {
        return switch (r.type()) {
            case NULL -> null;
            case TEXT, BLOB -> r.bytes().length == r.length() ? r.bytes() : r.bytesCopy();
            default -> r.toText().getBytes(StandardCharsets.UTF_8);
        };
    }

    /** Like {@link #textOf} but cut at the first NUL, as a C string argument is. */
    static byte[] cTextOf(Register r) {
        byte[] z = textOf(r);
        if (z == null) {
            return null;
        }
        int n = cLength(z, z.length);
        return n == z.length ? z : Arrays.copyOf(z, n);
    }

    /** The bytes before the first NUL in {@code z[0 .. len)}. */
    static int cLength(byte[] z, int len) {
        for (int i = 0; i < len; i++) {
            if (z[i] == 0) {
                return i;
            }
        }
        return len;
    }

    /** {@code SQLITE_SKIP_UTF8}: the index after the character starting at {@code i}. */
    static int skip(byte[] z, int i, int end) {
        if ((z[i++] & 0xff) >= 0xC0) {
            while (i < end && (z[i] & 0xC0) == 0x80) {
                i++;
            }
        }
        return i;
    }

    /** Characters in {@code z[from .. end)} as {@link #skip} walks them, stopping at a NUL. */
    static int charCount(byte[] z, int from, int end) {
        int n = 0;
        for (int i = from; i < end && z[i] != 0; i = skip(z, i, end)) {
            n++;
        }
        return n;
    }

    /**
     * Like {@link #skip}, but any byte from 0x80 up (not only a lead byte) swallows the
     * continuation bytes after it, so a stray run of them is one character: how SQLite 3.54's
     * length() counts and substr() steps through malformed text.
     */
    static int skipLoose(byte[] z, int i, int end) {
        if ((z[i++] & 0xff) >= 0x80) {
            while (i < end && (z[i] & 0xC0) == 0x80) {
                i++;
            }
        }
        return i;
    }

    /**
     * Characters in {@code z[from .. end)} as {@link #skipLoose} walks them, stopping at a NUL.
     * length() runs this over every value it is given, so it takes eight bytes at a time while
     * they are all ASCII and none is NUL (most text), and walks character by character elsewhere.
     */
    static int looseCharCount(byte[] z, int from, int end) {
        int n = 0;
        int i = from;
        while (i < end) {
            while (i + Long.BYTES <= end) {
                long word = (long) LONGS.get(z, i);
                if ((word & HIGH_BITS) != 0 || ((word - LOW_BITS) & ~word & HIGH_BITS) != 0) {
                    break; // a byte from 0x80 up, or a NUL
                }
                n += Long.BYTES;
                i += Long.BYTES;
            }
            if (i >= end || z[i] == 0) {
                break;
            }
            i = skipLoose(z, i, end);
            n++;
        }
        return n;
    }

    /** Appends code point {@code c} as SQLite's {@code WRITE_UTF8} does (surrogates too). */
    static void encode(ByteArrayOutputStream out, int c) {
        if (c < 0x80) {
            out.write(c);
        } else if (c < 0x800) {
            out.write(0xC0 + (c >> 6));
            out.write(0x80 + (c & 0x3F));
        } else if (c < 0x10000) {
            out.write(0xE0 + (c >> 12));
            out.write(0x80 + ((c >> 6) & 0x3F));
            out.write(0x80 + (c & 0x3F));
        } else {
            out.write(0xF0 + (c >> 18));
            out.write(0x80 + ((c >> 12) & 0x3F));
            out.write(0x80 + ((c >> 6) & 0x3F));
            out.write(0x80 + (c & 0x3F));
        }
    }

    /**
     * A cursor over UTF-8 bytes reading one code point at a time; {@link #next} returns 0 at the
     * end, as reading a C string's terminator would. Not thread-safe (one per call).
     */
    static final class Reader {
        final byte[] z;
        final int end;
        int pos;

        Reader(byte[] z, int pos, int end) {
            this.z = z;
            this.pos = pos;
            this.end = end;
        }

        Reader(byte[] z) {
            this(z, 0, z.length);
        }

        /** The byte at the cursor, 0 past the end. */
        int peek() {
            return pos < end ? z[pos] & 0xff : 0;
        }

        boolean atEnd() {
            return pos >= end;
        }

        /**
         * {@code sqlite3Utf8Read}: the next code point (U+FFFD for malformed), 0 at the end. A
         * value is an unsigned 32-bit number held in an int.
         */
        int next() {
            if (pos >= end) {
                return 0;
            }
            int c = z[pos++] & 0xff;
            if (c >= 0xC0) {
                c = LEAD_BITS[c - 0xC0];
                while (pos < end && (z[pos] & 0xC0) == 0x80) {
                    c = (c << 6) + (z[pos++] & 0x3F);
                }
                // Unsigned as in C: an overlong run of continuation bytes wraps past 2^31.
                if (Integer.compareUnsigned(c, 0x80) < 0 || (c & 0xFFFFF800) == 0xD800
                        || (c & 0xFFFFFFFE) == 0xFFFE) {
                    c = 0xFFFD;
                }
            }
            return c;
        }
    }
}
