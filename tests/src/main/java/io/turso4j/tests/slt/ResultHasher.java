package io.turso4j.tests.slt;

import java.nio.charset.StandardCharsets;
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
        for (String value : values) {
            md5.update(value.getBytes(StandardCharsets.ISO_8859_1));
            md5.update((byte) '\n');
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    /** The expected-result line for a hashed result: {@code "<n> values hashing to <md5>"}. */
    public static String hashLine(int valueCount, String md5) {
        return valueCount + " values hashing to " + md5;
    }
}
