package io.turso4j.tests.slt;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The harness's result hash (FORMAT.md §7.2): MD5 over every value followed by a newline, as 32
 * lower-case hex digits. Values are the harness's rendered strings, which are ASCII, so they are
 * hashed as ISO-8859-1 bytes (also right for expected lines read that way). Stateless; any thread.
 */
public final class ResultHasher {

    /** The MD5 of nothing, i.e. of an empty result. */
    public static final String EMPTY_MD5 = "d41d8cd98f00b204e9800998ecf8427e";

    private ResultHasher() {}

    public static String md5(List<String> values) {
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
        // Each value and its newline go in one update, through one buffer, with no copy per
        // value: a char below 256 is its ISO-8859-1 byte, any other (never in a rendered value
        // or an expected line) is '?' as String.getBytes would make it.
        byte[] bytes = new byte[64];
        for (String value : values) {
            int n = value.length();
            if (n + 1 > bytes.length) {
                bytes = new byte[Math.max(n + 1, 2 * bytes.length)];
            }
            for (int i = 0; i < n; i++) {
                char c = value.charAt(i);
                bytes[i] = c <= 0xFF ? (byte) c : (byte) '?';
            }
            bytes[n] = '\n';
            md5.update(bytes, 0, n + 1);
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    /** The expected-result line for a hashed result: {@code "<n> values hashing to <md5>"}. */
    public static String hashLine(int valueCount, String md5) {
        return valueCount + " values hashing to " + md5;
    }
}
