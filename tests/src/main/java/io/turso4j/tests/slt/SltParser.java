package io.turso4j.tests.slt;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Streams the records of one .test file (FORMAT.md §1): reads bytes, splits lines at
 * {@code \n}, strips one trailing {@code \r}, decodes ISO-8859-1 (the files are ASCII, and this
 * keeps any other byte as one char), drops comment lines ({@code #} in column 0, also inside a
 * record), and cuts records at lines holding only whitespace. Only one record is in memory at a
 * time, so the 4 MB index files stream.
 *
 * <p>Not thread-safe: one caller pulls records with {@link #next()} until it returns null.
 */
public final class SltParser implements Closeable {

    private static final String SQL_RESULT_SEPARATOR = "----";

    private final InputStream in;
    /** The bytes of the line being read: {@code lineBuffer[0, lineLength)}. */
    private byte[] lineBuffer = new byte[256];
    private int lineLength;
    private int lineNumber;
    private boolean eof;

    /** Takes ownership of {@code in}, which should be buffered. */
    public SltParser(InputStream in) {
        this.in = in;
    }

    /** The next record, or null at the end of the file. */
    public SltRecord next() throws IOException {
        String line;
        do {
            line = readLine();
            if (line == null) {
                return null;
            }
        } while (isBlank(line) || isComment(line));
        int firstLine = lineNumber;
        List<String> lines = new ArrayList<>();
        lines.add(line);
        while ((line = readLine()) != null && !isBlank(line)) {
            if (!isComment(line)) {
                lines.add(line);
            }
        }
        return toRecord(firstLine, lines);
    }

    private static SltRecord toRecord(int firstLine, List<String> lines) {
        List<Condition> conditions = new ArrayList<>();
        int i = 0;
        List<String> tokens = null; // of line i, the first that is not a condition
        for (; i < lines.size(); i++) {
            tokens = tokens(lines.get(i));
            Condition.Kind kind = switch (tokens.getFirst()) {
                case "skipif" -> Condition.Kind.SKIPIF;
                case "onlyif" -> Condition.Kind.ONLYIF;
                default -> null;
            };
            if (kind == null) {
                break;
            }
            conditions.add(new Condition(kind, tokenOr(tokens, 1, "")));
        }
        List<Condition> conds = List.copyOf(conditions);
        if (i == lines.size()) {
            return new SltRecord.Unknown(firstLine, conds, "");
        }
        List<String> body = lines.subList(i + 1, lines.size());
        return switch (tokens.getFirst()) {
            case "statement" ->
                    new SltRecord.Statement(firstLine, conds, tokenOr(tokens, 1, ""), String.join("\n", body));
            case "query" -> query(firstLine, conds, tokens, body);
            case "hash-threshold" -> new SltRecord.HashThreshold(firstLine, conds, atoi(tokenOr(tokens, 1, "")));
            case "halt" -> new SltRecord.Halt(firstLine, conds);
            default -> new SltRecord.Unknown(firstLine, conds, lines.get(i));
        };
    }

    private static SltRecord.Query query(int firstLine, List<Condition> conds, List<String> tokens,
                                         List<String> body) {
        int separator = body.indexOf(SQL_RESULT_SEPARATOR);
        List<String> sql = separator < 0 ? body : body.subList(0, separator);
        List<String> expected = separator < 0 ? List.of() : body.subList(separator + 1, body.size());
        String sortWord = tokenOr(tokens, 2, "nosort");
        return new SltRecord.Query(firstLine, conds, tokenOr(tokens, 1, ""), SortMode.parse(sortWord),
                sortWord, tokenOr(tokens, 3, null), String.join("\n", sql), List.copyOf(expected));
    }

    /** The line without its {@code \n} (and one {@code \r} before it), or null at the end. */
    private String readLine() throws IOException {
        if (eof) {
            return null;
        }
        lineLength = 0;
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (lineLength == lineBuffer.length) {
                lineBuffer = Arrays.copyOf(lineBuffer, 2 * lineLength);
            }
            lineBuffer[lineLength++] = (byte) b;
        }
        if (b == -1) {
            eof = true;
            if (lineLength == 0) {
                return null;
            }
        }
        lineNumber++;
        int end = lineLength > 0 && lineBuffer[lineLength - 1] == '\r' ? lineLength - 1 : lineLength;
        return new String(lineBuffer, 0, end, StandardCharsets.ISO_8859_1);
    }

    private static boolean isComment(String line) {
        return line.startsWith("#");
    }

    private static boolean isBlank(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (!isCSpace(line.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** C's isspace in the "C" locale: space, \t, \n, \v, \f, \r. */
    static boolean isCSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /** Whitespace-separated tokens; never empty (a blank line is never tokenised). */
    static List<String> tokens(String line) {
        List<String> out = new ArrayList<>(4);
        int i = 0;
        int n = line.length();
        while (i < n) {
            while (i < n && isCSpace(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isCSpace(line.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(line.substring(start, i));
            }
        }
        return out;
    }

    private static String tokenOr(List<String> tokens, int index, String missing) {
        return index < tokens.size() ? tokens.get(index) : missing;
    }

    /** C's atoi: optional sign and leading digits; no digits gives 0 (overflow saturates here). */
    static int atoi(String s) {
        int i = 0;
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            negative = s.charAt(i++) == '-';
        }
        long value = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
            value = Math.min(value * 10 + (s.charAt(i++) - '0'), (long) Integer.MAX_VALUE + 1);
        }
        long signed = negative ? -value : value;
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, signed));
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
