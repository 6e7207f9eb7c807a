package io.turso4j.function;

import io.turso4j.value.LengthLimit;
import io.turso4j.value.Register;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * SQLite's own printf ({@code printf.c}), which the SQL functions {@code printf} and
 * {@code format} expose (<a href="https://www.sqlite.org/printf.html">The Built-in printf()</a>).
 *
 * <p>A conversion is {@code %[flags][width][.precision][l|ll]type}. Flags: {@code -} left
 * justify, {@code +} / space sign prefix, {@code 0} zero padding, {@code #} alternate form,
 * {@code ,} thousands separators (signed decimal only), {@code !} (floats: up to 26 significant
 * digits instead of 16 and a kept ".0"; strings: width and precision count characters).
 * Width and precision may be {@code *}, taken from the next argument. Types: {@code d i u}
 * (64-bit), {@code x X o p}, {@code r} (ordinal: 1st, 2nd, …), {@code f e E g G}, {@code s z},
 * {@code q Q w} (SQL quoting), {@code j J} (JSON string escapes; J quoted), {@code c} (first character, repeated precision times),
 * {@code %}, {@code n} (ignored). An unknown type ends the output there.
 *
 * <p>Arguments are read as SQLite reads them from SQL values: integers with
 * {@code sqlite3_value_int64}, floats with {@code sqlite3_value_double}, text as a C string
 * (cut at a NUL, NULL for NULL); missing arguments read as 0, 0.0 and NULL.
 *
 * <p>Stateless; any thread.
 */
final class PrintfFormat {
    private PrintfFormat() {
    }

    static void register(FunctionRegistry.Builder b) {
        ScalarFunction printf = (ctx, a, s, n, out) -> {
            byte[] fmt = n == 0 ? null : Utf8.cTextOf(a[s]);
            if (fmt == null) {
                out.setNull();
                return;
            }
            byte[] r = format(fmt, new Args(a, s + 1, n - 1));
            out.setText(r, 0, r.length);
        };
        b.variadic("printf", 0, printf);
        b.variadic("format", 0, printf);
    }

    /** Formats Java values (converted as {@link Register#setObject}) with an SQLite format. */
    static String format(String fmt, Object... values) {
        return new String(formatBytes(fmt, values), StandardCharsets.UTF_8);
    }

    /**
     * Like {@link #format} but the UTF-8 bytes, which need not be valid UTF-8 when a
     * {@link Register} argument (taken as it is) holds malformed text.
     */
    static byte[] formatBytes(String fmt, Object... values) {
        Register[] regs = new Register[values.length];
        for (int i = 0; i < values.length; i++) {
            regs[i] = values[i] instanceof Register r ? r : Register.of(values[i]);
        }
        return format(fmt.getBytes(StandardCharsets.UTF_8), new Args(regs, 0, regs.length));
    }

    /** The arguments not yet consumed by conversions. */
    private static final class Args {
        private final Register[] regs;
        private int next;
        private final int end;

        Args(Register[] regs, int start, int count) {
            this.regs = regs;
            this.next = start;
            this.end = start + count;
        }

        long nextInt() {
            return next < end ? regs[next++].toLong() : 0;
        }

        double nextDouble() {
            return next < end ? regs[next++].toDouble() : 0.0;
        }

        byte[] nextText() {
            return next < end ? Utf8.cTextOf(regs[next++]) : null;
        }
    }

    static byte[] format(byte[] fmt, Args args) {
        Output out = new Output();
        int i = 0;
        int len = fmt.length;
        while (i < len) {
            if (fmt[i] != '%') {
                int j = i;
                while (j < len && fmt[j] != '%') {
                    j++;
                }
                out.write(fmt, i, j - i);
                i = j;
                continue;
            }
            if (++i >= len) {
                out.write('%');
                break;
            }
            PrintfSpec spec = new PrintfSpec();
            i = parseSpec(fmt, i, spec, args);
            int c = i < len ? fmt[i] : 0;
            i++;
            if (!convert(c, spec, args, out)) {
                break;
            }
        }
        return out.toByteArray();
    }

    /** Reads flags, width and precision starting at {@code i}; returns the index of the type. */
    private static int parseSpec(byte[] fmt, int i, PrintfSpec spec, Args args) {
        int len = fmt.length;
        while (i < len) {
            int c = fmt[i];
            switch (c) {
                case '-' -> spec.leftJustify = true;
                case '+' -> spec.prefix = '+';
                case ' ' -> spec.prefix = ' ';
                case '#' -> spec.alternate = true;
                case '!' -> spec.alt2 = true;
                case '0' -> spec.zeroPad = true;
                case ',' -> spec.thousands = true;
                case 'l' -> {
                    i++;
                    if (i < len && fmt[i] == 'l') {
                        i++;
                    }
                    return i;
                }
                case '*' -> {
                    int w = (int) args.nextInt();
                    if (w < 0) {
                        spec.leftJustify = true;
                        w = w >= -Integer.MAX_VALUE ? -w : 0;
                    }
                    spec.width = w;
                    if (i + 1 >= len || (fmt[i + 1] != '.' && fmt[i + 1] != 'l')) {
                        return i + 1;
                    }
                }
                case '.' -> {
                    i++;
                    if (i < len && fmt[i] == '*') {
                        int p = (int) args.nextInt();
                        if (p < 0) {
                            p = p >= -Integer.MAX_VALUE ? -p : -1;
                        }
                        spec.precision = p;
                        i++;
                    } else {
                        int px = 0;
                        while (i < len && fmt[i] >= '0' && fmt[i] <= '9') {
                            px = px * 10 + fmt[i++] - '0';
                        }
                        spec.precision = px & Integer.MAX_VALUE;
                    }
                    if (i < len && fmt[i] == 'l') {
                        continue; // the 'l' case ends the spec
                    }
                    return i;
                }
                default -> {
                    if (c >= '1' && c <= '9') {
                        int wx = 0;
                        while (i < len && fmt[i] >= '0' && fmt[i] <= '9') {
                            wx = wx * 10 + fmt[i++] - '0';
                        }
                        spec.width = wx & Integer.MAX_VALUE;
                        if (i < len && (fmt[i] == '.' || fmt[i] == 'l')) {
                            continue;
                        }
                        return i;
                    }
                    return i;
                }
            }
            i++;
        }
        return i;
    }

    /** Performs one conversion; false when the type is unknown, which ends the output. */
    private static boolean convert(int c, PrintfSpec spec, Args args, Output out) {
        switch (c) {
            case 'd', 'i' -> integer(spec, args.nextInt(), true, 10, false, null, false, out);
            case 'u' -> integer(spec, args.nextInt(), false, 10, false, null, false, out);
            case 'r' -> integer(spec, args.nextInt(), true, 10, false, null, true, out);
            case 'x' -> integer(spec, args.nextInt(), false, 16, false, "0x", false, out);
            case 'X' -> integer(spec, args.nextInt(), false, 16, true, "0X", false, out);
            case 'p' -> integer(spec, args.nextInt(), false, 16, true, "0x", false, out);
            case 'o' -> integer(spec, args.nextInt(), false, 8, false, "0", false, out);
            case 'f', 'e', 'E', 'g', 'G' -> {
                byte[] b = PrintfFloat.render(spec, c, args.nextDouble()).getBytes(StandardCharsets.US_ASCII);
                emit(spec, b, 0, b.length, false, out);
            }
            case 's', 'z' -> string(spec, args.nextText(), out);
            case 'j', 'J' -> json(spec, args.nextText(), c == 'J', out);
            case 'q' -> quoted(spec, args.nextText(), '\'', false, out);
            case 'Q' -> quoted(spec, args.nextText(), '\'', true, out);
            case 'w' -> quoted(spec, args.nextText(), '"', false, out);
            case 'c' -> character(spec, args.nextText(), out);
            case '%' -> emit(spec, new byte[] {'%'}, 0, 1, false, out);
            case 'n' -> {
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void integer(PrintfSpec spec, long v, boolean signed, int base, boolean upper,
            String altPrefix, boolean ordinal, Output out) {
        byte prefix = 0;
        long magnitude; // unsigned
        if (signed && v < 0) {
            magnitude = -v;
            prefix = '-';
        } else {
            magnitude = v;
            prefix = signed ? spec.prefix : 0;
        }
        boolean thousands = spec.thousands && base == 10 && !ordinal;
        boolean alternate = spec.alternate && magnitude != 0;
        int precision = spec.precision;
        if (spec.zeroPad && precision < spec.width - (prefix != 0 ? 1 : 0)) {
            precision = spec.width - (prefix != 0 ? 1 : 0);
        }
        LengthLimit.check(out.size() + (long) precision + (thousands ? precision / 3 : 0) + 10);
        String text = Long.toUnsignedString(magnitude, base);
        StringBuilder num = new StringBuilder(upper ? text.toUpperCase(Locale.ROOT) : text);
        if (ordinal) {
            int x = (int) Long.remainderUnsigned(magnitude, 10);
            if (x >= 4 || Long.remainderUnsigned(Long.divideUnsigned(magnitude, 10), 10) == 1) {
                x = 0;
            }
            num.append("thstndrd", 2 * x, 2 * x + 2);
        }
        if (precision > num.length()) { // the ordinal suffix counts toward the precision
            num.insert(0, "0".repeat(precision - num.length()));
        }
        if (thousands) {
            num = groupThousands(num);
        }
        if (prefix != 0) {
            num.insert(0, (char) prefix);
        }
        if (alternate && altPrefix != null) {
            num.insert(0, altPrefix);
        }
        byte[] b = num.toString().getBytes(StandardCharsets.US_ASCII);
        emit(spec, b, 0, b.length, false, out);
    }

    /** The digits with a ',' before each group of three from the right, in one pass. */
    private static StringBuilder groupThousands(CharSequence digits) {
        int n = digits.length();
        StringBuilder grouped = new StringBuilder(n + n / 3);
        for (int i = 0; i < n; i++) {
            if (i > 0 && (n - i) % 3 == 0) {
                grouped.append(',');
            }
            grouped.append(digits.charAt(i));
        }
        return grouped;
    }

    private static void string(PrintfSpec spec, byte[] z, Output out) {
        if (z == null) {
            z = new byte[0];
        }
        int length = z.length;
        if (spec.precision >= 0) {
            if (spec.alt2) {
                int i = 0;
                for (int p = spec.precision; p > 0 && i < z.length; p--) {
                    i = Utf8.skip(z, i, z.length);
                }
                length = i;
            } else {
                length = Math.min(spec.precision, z.length);
            }
        }
        emit(spec, z, 0, length, spec.alt2, out);
    }

    /**
     * %q, %Q, %w: the text with {@code q} doubled; %Q adds quotes, or gives NULL for NULL. With
     * {@code #}, %q and %Q also double backslashes and write control characters as a
     * backslash, 'u' and four hex digits (%Q then wraps the literal in {@code unistr(...)}) —
     * %Q only when the text has a control character.
     */
    private static void quoted(PrintfSpec spec, byte[] z, char q, boolean enclose, Output out) {
        boolean isNull = z == null;
        if (isNull) {
            z = (enclose ? "NULL" : "(NULL)").getBytes(StandardCharsets.US_ASCII);
        }
        int i = precisionEnd(spec, z);
        boolean escape = false;
        if (spec.alternate && q == '\'') {
            boolean control = false;
            for (int x = 0; x < i; x++) {
                control |= (z[x] & 0xff) <= 0x1f;
            }
            escape = control || !enclose;
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream(i + 8);
        boolean needQuote = !isNull && enclose;
        if (needQuote) {
            b.writeBytes((escape ? "unistr('" : "'").getBytes(StandardCharsets.US_ASCII));
        }
        for (int x = 0; x < i; x++) {
            int ch = z[x] & 0xff;
            if (escape && ch == '\\') {
                b.write('\\');
                b.write('\\');
            } else if (escape && ch <= 0x1f) {
                b.writeBytes(String.format("\\u00%02x", ch).getBytes(StandardCharsets.US_ASCII));
            } else {
                b.write(ch);
                if (ch == q) {
                    b.write(ch);
                }
            }
        }
        if (needQuote) {
            b.writeBytes((escape ? "')" : "'").getBytes(StandardCharsets.US_ASCII));
        }
        byte[] r = b.toByteArray();
        emit(spec, r, 0, r.length, spec.alt2, out);
    }

    /** The end of the argument's first {@code precision} bytes (characters with '!'), all of it without a precision. */
    private static int precisionEnd(PrintfSpec spec, byte[] z) {
        int k = spec.precision;
        int i = 0;
        for (; k != 0 && i < z.length; i++, k--) {
            if (spec.alt2 && (z[i] & 0xC0) == 0xC0) {
                while (i + 1 < z.length && (z[i + 1] & 0xC0) == 0x80) {
                    i++;
                }
            }
        }
        return i;
    }

    /**
     * %j and %J (SQLite 3.54): the text with '"', '\\' and control characters escaped as in a
     * JSON string; %J adds the quotes, and gives {@code null} for NULL (%j nothing). The
     * precision cuts the text before escaping; the width pads the escaped result.
     */
    private static void json(PrintfSpec spec, byte[] z, boolean enclose, Output out) {
        if (z == null) {
            byte[] nul = (enclose ? "null" : "").getBytes(StandardCharsets.US_ASCII);
            emit(spec, nul, 0, nul.length, spec.alt2, out);
            return;
        }
        int end = z.length;
        if (spec.precision >= 0 && !spec.alt2) {
            end = Math.min(spec.precision, z.length);
        } else if (spec.precision >= 0) {
            // '!': a character is a byte that is not a continuation byte, with the continuation bytes after it.
            int k = spec.precision;
            for (end = 0; end < z.length; end++) {
                if ((z[end] & 0xC0) != 0x80 && k-- == 0) {
                    break;
                }
            }
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream(end + 8);
        if (enclose) {
            b.write('"');
        }
        for (int x = 0; x < end; x++) {
            int ch = z[x] & 0xff;
            int named = switch (ch) {
                case '"', '\\' -> ch;
                case '\b' -> 'b';
                case '\f' -> 'f';
                case '\n' -> 'n';
                case '\r' -> 'r';
                case '\t' -> 't';
                default -> 0;
            };
            if (named != 0) {
                b.write('\\');
                b.write(named);
            } else if (ch <= 0x1f) {
                b.writeBytes(String.format("\\u%04x", ch).getBytes(StandardCharsets.US_ASCII));
            } else {
                b.write(ch);
            }
        }
        if (enclose) {
            b.write('"');
        }
        byte[] r = b.toByteArray();
        emit(spec, r, 0, r.length, spec.alt2, out);
    }

    /** %c: the first character of the argument, repeated {@code precision} times. */
    private static void character(PrintfSpec spec, byte[] z, Output out) {
        int length = 1;
        byte[] ch;
        if (z == null || z.length == 0) {
            ch = new byte[] {0};
        } else {
            int end = 1;
            if ((z[0] & 0xC0) == 0xC0) {
                while (end < 4 && end < z.length && (z[end] & 0xC0) == 0x80) {
                    end++;
                }
            }
            ch = Arrays.copyOf(z, end);
            length = end;
        }
        int width = spec.width;
        if (spec.precision > 1) {
            width -= spec.precision - 1;
            LengthLimit.check(out.size() + (long) length * spec.precision + Math.max(width, 0));
            if (width > 1 && !spec.leftJustify) {
                out.pad(width - 1, ' ');
                width = 0;
            }
            for (int k = 1; k < spec.precision; k++) {
                out.write(ch, 0, length);
            }
        }
        PrintfSpec rest = new PrintfSpec();
        rest.leftJustify = spec.leftJustify;
        rest.width = width;
        emit(rest, ch, 0, length, true, out);
    }

    /** Writes {@code b[off .. off+len)} padded with spaces to the width. */
    private static void emit(PrintfSpec spec, byte[] b, int off, int len, boolean widthInChars, Output out) {
        long width = spec.width;
        if (widthInChars && width > 0) {
            for (int i = off; i < off + len; i++) {
                if ((b[i] & 0xC0) == 0x80) {
                    width++;
                }
            }
        }
        long pad = width - len;
        if (pad > 0) {
            LengthLimit.check(out.size() + width);
            if (!spec.leftJustify) {
                out.pad(pad, ' ');
            }
            out.write(b, off, len);
            if (spec.leftJustify) {
                out.pad(pad, ' ');
            }
        } else {
            out.write(b, off, len);
        }
        LengthLimit.check(out.size());
    }

    /** The growing result. */
    private static final class Output extends ByteArrayOutputStream {
        void pad(long n, char c) {
            byte[] chunk = new byte[(int) Math.min(n, 4096)];
            Arrays.fill(chunk, (byte) c);
            while (n > 0) {
                int k = (int) Math.min(n, chunk.length);
                write(chunk, 0, k);
                n -= k;
            }
        }
    }
}
