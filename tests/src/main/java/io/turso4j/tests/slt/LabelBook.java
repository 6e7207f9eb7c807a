package io.turso4j.tests.slt;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The per-file map from query label to result hash (FORMAT.md §7.4): every query with the same
 * label must produce the same hash. Skipped labelled queries contribute their expected result,
 * as the harness does, so the sqlite variant of a query must agree with the variants written for
 * other engines. Not thread-safe: owned by the thread running the file.
 */
final class LabelBook {

    private static final Pattern HASH_LINE = Pattern.compile("^(\\d+) values hashing to (\\S+)$");

    private final Map<String, String> hashes = new HashMap<>();

    /**
     * Records {@code md5} under {@code label} if the label is new; otherwise returns whether it
     * agrees with the hash stored first.
     */
    boolean agrees(String label, String md5) {
        String previous = hashes.putIfAbsent(label, md5);
        return previous == null || previous.equals(md5);
    }

    /** The hash stored for {@code label}, or null. */
    String hashOf(String label) {
        return hashes.get(label);
    }

    /**
     * The hash that a skipped query's expected lines stand for: the hash on a hash line, else
     * the MD5 of the lines as listed; null when there are no expected lines.
     */
    static String expectedHash(List<String> expected) {
        if (expected.isEmpty()) {
            return null;
        }
        Matcher m = HASH_LINE.matcher(expected.getFirst());
        return m.matches() ? m.group(2) : ResultHasher.md5(expected);
    }
}
