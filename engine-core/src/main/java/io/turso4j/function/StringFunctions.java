package io.turso4j.function;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.value.LengthLimit;
import io.turso4j.value.Register;
import io.turso4j.value.ValueType;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * SQLite's core text functions: {@code length}, {@code octet_length}, {@code substr}
 * ({@code substring}), {@code instr}, {@code replace}, {@code lower}/{@code upper} (ASCII
 * only, as SQLite without ICU), the {@code trim} family, {@code char}, {@code unicode},
 * {@code concat} and {@code concat_ws}. Characters are UTF-8 characters as {@link Utf8}
 * walks them; BLOB arguments count in bytes where func.c does.
 *
 * <p>Stateless; any thread.
 */
final class StringFunctions {
    private static final int TRIM_LEFT = 1;
    private static final int TRIM_RIGHT = 2;

    private StringFunctions() {
    }

    static void register(FunctionRegistry.Builder b) {
        b.scalar("length", 1, StringFunctions::length);
        b.scalar("octet_length", 1, (ctx, a, s, n, out) -> {
            byte[] z = Utf8.textOf(a[s]);
            if (z == null) {
                out.setNull();
            } else {
                out.setInt(z.length);
            }
        });
        for (String name : new String[] {"substr", "substring"}) {
            b.scalar(name, 2, StringFunctions::substr);
            b.scalar(name, 3, StringFunctions::substr);
        }
        b.scalar("instr", 2, StringFunctions::instr);
        b.scalar("replace", 3, StringFunctions::replace);
        b.scalar("lower", 1, (ctx, a, s, n, out) -> changeCase(a[s], out, false));
        b.scalar("upper", 1, (ctx, a, s, n, out) -> changeCase(a[s], out, true));
        for (int argc = 1; argc <= 2; argc++) {
            b.scalar("ltrim", argc, (ctx, a, s, n, out) -> trim(a, s, n, out, TRIM_LEFT));
            b.scalar("rtrim", argc, (ctx, a, s, n, out) -> trim(a, s, n, out, TRIM_RIGHT));
            b.scalar("trim", argc, (ctx, a, s, n, out) -> trim(a, s, n, out, TRIM_LEFT | TRIM_RIGHT));
        }
        b.variadic("char", 0, StringFunctions::charFunction);
        b.scalar("unicode", 1, (ctx, a, s, n, out) -> {
            byte[] z = Utf8.textOf(a[s]);
            if (z == null || z.length == 0 || z[0] == 0) {
                out.setNull();
            } else {
                out.setInt(new Utf8.Reader(z).next());
            }
        });
        b.scalar("unistr", 1, StringFunctions::unistr);
        b.variadic("concat", 1, (ctx, a, s, n, out) -> concat(a, s, n, null, out));
        b.variadic("concat_ws", 2, (ctx, a, s, n, out) -> {
            byte[] sep = Utf8.textOf(a[s]);
            if (sep == null) {
                out.setNull();
            } else {
                concat(a, s + 1, n - 1, sep, out);
            }
        });
    }

    private static void length(FunctionContext ctx, Register[] a, int s, int n, Register out) {
        Register x = a[s];
        switch (x.type()) {
            case NULL -> out.setNull();
            case BLOB -> out.setInt(x.length());
            case INTEGER, REAL -> out.setInt(x.toText().length());
            case TEXT -> out.setInt(Utf8.looseCharCount(x.bytes(), 0, x.length()));
        }
    }

    private static void substr(FunctionContext ctx, Register[] a, int s, int n, Register out) {
        if (a[s + 1].isNull() || (n == 3 && a[s + 2].isNull()) || a[s].isNull()) {
            out.setNull();
            return;
        }
        boolean blob = a[s].type() == ValueType.BLOB;
        if (blob && a[s].length() == 0) {
            out.setNull(); // an empty blob is a null pointer to func.c
            return;
        }
        byte[] z = Utf8.textOf(a[s]);
        int zLen = blob ? z.length : Utf8.cLength(z, z.length);
        long p1 = a[s + 1].toLong();
        long len = 0;
        if (!blob && p1 < 0) {
            len = Utf8.charCount(z, 0, zLen);
        } else if (blob) {
            len = z.length;
        }
        long p2 = n == 3 ? a[s + 2].toLong() : Long.MAX_VALUE;
        if (p1 < 0) {
            p1 += len;
            if (p1 < 0) {
                p2 = p2 < 0 ? 0 : p2 + p1;
                p1 = 0;
            }
        } else if (p1 > 0) {
            p1--;
        } else if (p2 > 0) {
            p2--;
        }
        if (p2 < 0) { // a negative length takes the characters before the start
            p2 = p2 < -p1 ? p1 : -p2;
            p1 -= p2;
        }
        if (!blob) {
            int i = 0;
            while (i < zLen && p1 > 0) {
                i = Utf8.skipLoose(z, i, zLen);
                p1--;
            }
            int j = i;
            while (j < zLen && p2 > 0) {
                j = Utf8.skipLoose(z, j, zLen);
                p2--;
            }
            out.setText(z, i, j - i);
        } else {
            if (p1 >= len) {
                p1 = 0;
                p2 = 0;
            } else if (p2 > len - p1) {
                p2 = len - p1;
            }
            out.setBlob(z, (int) p1, (int) Math.max(0, p2));
        }
    }

    private static void instr(FunctionContext ctx, Register[] a, int s, int n, Register out) {
        Register hay = a[s];
        Register needle = a[s + 1];
        if (hay.isNull() || needle.isNull()) {
            out.setNull();
            return;
        }
        byte[] h = Utf8.textOf(hay);
        byte[] nd = Utf8.textOf(needle);
        boolean isText = !(hay.type() == ValueType.BLOB && needle.type() == ValueType.BLOB);
        int hLen = h.length;
        int nLen = nd.length;
        int position = 1;
        if (nLen > 0) {
            int at = 0;
            while (nLen <= hLen && !Arrays.equals(h, at, at + nLen, nd, 0, nLen)) {
                position++;
                do {
                    hLen--;
                    at++;
                } while (isText && at < h.length && (h[at] & 0xC0) == 0x80);
            }
            if (nLen > hLen) {
                position = 0;
            }
        }
        out.setInt(position);
    }

    private static void replace(FunctionContext ctx, Register[] a, int s, int n, Register out) {
        byte[] str = Utf8.textOf(a[s]);
        byte[] pattern = str == null ? null : Utf8.textOf(a[s + 1]);
        if (pattern == null) {
            out.setNull();
            return;
        }
        if (pattern.length == 0 || pattern[0] == 0) {
            out.setText(str, 0, str.length);
            return;
        }
        byte[] rep = Utf8.textOf(a[s + 2]);
        if (rep == null) {
            out.setNull();
            return;
        }
        ByteArrayOutputStream result = new ByteArrayOutputStream(str.length);
        int last = str.length - pattern.length;
        int i = 0;
        while (i <= last) {
            if (str[i] == pattern[0] && Arrays.equals(str, i, i + pattern.length, pattern, 0, pattern.length)) {
                result.write(rep, 0, rep.length);
                i += pattern.length;
                LengthLimit.check(result.size());
            } else {
                result.write(str[i++]);
            }
        }
        result.write(str, i, str.length - i);
        LengthLimit.check(result.size());
        byte[] r = result.toByteArray();
        out.setText(r, 0, r.length);
    }

    private static void changeCase(Register x, Register out, boolean upper) {
        byte[] z = Utf8.textOf(x);
        if (z == null) {
            out.setNull();
            return;
        }
        byte[] r = z.clone();
        for (int i = 0; i < r.length; i++) {
            int c = r[i];
            if (upper ? (c >= 'a' && c <= 'z') : (c >= 'A' && c <= 'Z')) {
                r[i] = (byte) (c ^ 0x20);
            }
        }
        out.setText(r, 0, r.length);
    }

    private static void trim(Register[] a, int s, int n, Register out, int flags) {
        if (a[s].isNull()) {
            out.setNull();
            return;
        }
        byte[] z = Utf8.textOf(a[s]);
        byte[][] chars;
        if (n == 1) {
            chars = new byte[][] {{' '}};
        } else {
            byte[] set = Utf8.cTextOf(a[s + 1]);
            if (set == null) {
                out.setNull();
                return;
            }
            chars = splitChars(set);
        }
        int from = 0;
        int to = z.length;
        if ((flags & TRIM_LEFT) != 0) {
            int len;
            while (from < to && (len = matchAt(z, from, to, chars, false)) > 0) {
                from += len;
            }
        }
        if ((flags & TRIM_RIGHT) != 0) {
            int len;
            while (from < to && (len = matchAt(z, from, to, chars, true)) > 0) {
                to -= len;
            }
        }
        out.setText(z, from, to - from);
    }

    /** The characters of {@code set}, each as its UTF-8 bytes. */
    private static byte[][] splitChars(byte[] set) {
        byte[][] chars = new byte[Utf8.charCount(set, 0, set.length)][];
        int i = 0;
        for (int k = 0; k < chars.length; k++) {
            int next = Utf8.skip(set, i, set.length);
            chars[k] = Arrays.copyOfRange(set, i, next);
            i = next;
        }
        return chars;
    }

    /** The length of the first of {@code chars} at the start (or end) of {@code z[from..to)}, else 0. */
    private static int matchAt(byte[] z, int from, int to, byte[][] chars, boolean atEnd) {
        for (byte[] c : chars) {
            int len = c.length;
            if (len <= to - from) {
                int at = atEnd ? to - len : from;
                if (Arrays.equals(z, at, at + len, c, 0, len)) {
                    return len;
                }
            }
        }
        return 0;
    }

    private static void charFunction(FunctionContext ctx, Register[] a, int s, int n, Register out) {
        ByteArrayOutputStream text = new ByteArrayOutputStream(n * 4);
        for (int i = s; i < s + n; i++) {
            long c = a[i].toLong();
            if (c < 0 || c > 0x10FFFF) {
                c = 0xFFFD;
            }
            Utf8.encode(text, (int) c);
        }
        byte[] r = text.toByteArray();
        out.setText(r, 0, r.length);
    }

    /**
     * unistr(X): X with its escapes decoded: two backslashes are one; a backslash followed by
     * 4 hex digits, by 'u' and 4, by '+' and 6, or by 'U' and 8 hex digits is that code point.
     * Any other backslash is the error "invalid Unicode escape". A backslash after a NUL is
     * left alone.
     */
    private static void unistr(FunctionContext ctx, Register[] a, int s, int n, Register out) {
        byte[] z = Utf8.textOf(a[s]);
        if (z == null) {
            out.setNull();
            return;
        }
        ByteArrayOutputStream text = new ByteArrayOutputStream(z.length);
        int stop = Utf8.cLength(z, z.length); // backslashes are searched for as in a C string
        int i = 0;
        while (i < z.length) {
            int slash = i;
            while (slash < stop && z[slash] != '\\') {
                slash++;
            }
            if (slash >= stop) {
                text.write(z, i, z.length - i);
                break;
            }
            text.write(z, i, slash - i);
            i = slash;
            int next = i + 1 < z.length ? z[i + 1] : 0;
            long v;
            if (next == '\\') {
                text.write('\\');
                i += 2;
                continue;
            } else if (hexValue(z, i + 1, 1) >= 0) {
                v = hexValue(z, i + 1, 4);
                i += 5;
            } else if (next == '+') {
                v = hexValue(z, i + 2, 6);
                i += 8;
            } else if (next == 'u') {
                v = hexValue(z, i + 2, 4);
                i += 6;
            } else if (next == 'U') {
                v = hexValue(z, i + 2, 8);
                i += 10;
            } else {
                v = -1;
            }
            if (v < 0) {
                throw new SqliteException(ResultCode.ERROR, "invalid Unicode escape");
            }
            appendUtf8(text, v);
        }
        byte[] r = text.toByteArray();
        out.setText(r, 0, r.length);
    }

    /** The value of {@code count} hex digits at {@code z[i..]}, or -1 if they are not all there. */
    private static long hexValue(byte[] z, int i, int count) {
        long v = 0;
        for (int k = 0; k < count; k++) {
            int c = i + k < z.length ? z[i + k] : 0;
            int d = Character.digit(c, 16);
            if (d < 0 || c > 'f') {
                return -1;
            }
            v = (v << 4) | d;
        }
        return v & 0xFFFF_FFFFL;
    }

    /** sqlite3AppendOneUtf8Character: 1 to 4 bytes, masking any value above U+10FFFF. */
    private static void appendUtf8(ByteArrayOutputStream out, long v) {
        if (v < 0x80) {
            out.write((int) v);
        } else if (v < 0x800) {
            out.write(0xC0 + (int) ((v >> 6) & 0x1F));
            out.write(0x80 + (int) (v & 0x3F));
        } else if (v < 0x10000) {
            out.write(0xE0 + (int) ((v >> 12) & 0x0F));
            out.write(0x80 + (int) ((v >> 6) & 0x3F));
            out.write(0x80 + (int) (v & 0x3F));
        } else {
            out.write(0xF0 + (int) ((v >> 18) & 0x07));
            out.write(0x80 + (int) ((v >> 12) & 0x3F));
            out.write(0x80 + (int) ((v >> 6) & 0x3F));
            out.write(0x80 + (int) (v & 0x3F));
        }
    }

    /** concat / concat_ws: the text of every non-NULL argument, joined by {@code sep}. */
    private static void concat(Register[] a, int s, int n, byte[] sep, Register out) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        boolean first = true;
        for (int i = s; i < s + n; i++) {
            byte[] z = Utf8.textOf(a[i]);
            if (z == null) {
                continue;
            }
            if (!first && sep != null) {
                text.write(sep, 0, sep.length);
            }
            text.write(z, 0, z.length);
            first = false;
            LengthLimit.check(text.size());
        }
        byte[] r = text.toByteArray();
        out.setText(r, 0, r.length);
    }
}
