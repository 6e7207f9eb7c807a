package io.turso4j;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random documents (nested, JSON5 spellings, escapes of every kind, strings of random length
 * around the header-size boundaries) and random edit paths through jsonb(), the jsonb_ edit
 * functions (chained, so edited blobs with widened headers are edited again), jsonb_extract
 * and json_tree over the results, compared byte for byte with SQLite 3.54. Prints its seed;
 * replay with {@code -Dturso4j.seed=...}.
 */
class JsonbRandomTest {

    @Test
    void randomDocumentsAndEditsMatchSqlite() throws SQLException {
        long seed = Long.getLong("turso4j.seed", System.nanoTime());
        System.out.println("JsonbRandomTest seed=" + seed);
        Random rnd = new Random(seed);
        List<String> statements = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            Doc doc = value(rnd, 0);
            String d = "'" + doc.text.replace("'", "''") + "'";
            String p1 = "'" + path(rnd, doc).replace("'", "''") + "'";
            String p2 = "'" + path(rnd, doc).replace("'", "''") + "'";
            String v1 = editValue(rnd);
            String v2 = editValue(rnd);
            statements.add("SELECT hex(jsonb(" + d + ")), json(jsonb(" + d + ")), json_extract(jsonb(" + d + "), " + p1
                    + "), jsonb(" + d + ") ->> " + p2 + ", hex(jsonb_extract(" + d + ", " + p1 + "))");
            for (String f : new String[] {"set", "replace", "insert"}) {
                statements.add("SELECT hex(jsonb_" + f + "(" + d + ", " + p1 + ", " + v1 + ")), json_" + f + "(jsonb(" + d
                        + "), " + p1 + ", " + v1 + ", " + p2 + ", " + v2 + ")");
            }
            String edited = "jsonb_set(jsonb_replace(" + d + ", " + p1 + ", " + v1 + "), " + p2 + ", " + v2 + ")";
            statements.add("SELECT hex(" + edited + "), hex(jsonb_set(" + edited + ", " + p1 + ", " + v2 + ")), hex(jsonb_remove("
                    + edited + ", " + p2 + ")), hex(jsonb_extract(" + edited + ", " + p1 + ", " + p2 + "))");
            statements.add("SELECT id, parent, key, fullkey, type FROM json_tree(" + edited + ")");
            statements.add("SELECT hex(jsonb_remove(" + d + ", " + p1 + ", " + p2 + ")), hex(jsonb_patch(" + d + ", jsonb("
                    + value(rnd, 2).text.replace("'", "''").transform(t -> "'" + t + "'") + ")))");
        }
        JsonDifferentialTest.allMatch(statements.toArray(String[]::new));
    }

    @Test
    void damagedBlobsMatchSqlite() throws SQLException {
        long seed = Long.getLong("turso4j.seed", System.nanoTime());
        System.out.println("JsonbRandomTest.damagedBlobsMatchSqlite seed=" + seed);
        Random rnd = new Random(seed);
        List<String> statements = new ArrayList<>();
        try (SqliteOracle oracle = new SqliteOracle()) {
            for (int i = 0; i < 200; i++) {
                String doc = value(rnd, 1).text.replace("'", "''");
                String hex = oracle.sqlite("SELECT hex(jsonb('" + doc + "'))");
                if (!hex.startsWith("rows: [text '")) {
                    continue;
                }
                StringBuilder blob = new StringBuilder(hex.substring(13, hex.length() - 2));
                for (int k = rnd.nextInt(3); k >= 0 && blob.length() > 0; k--) {
                    int at = rnd.nextInt(blob.length() / 2) * 2;
                    switch (rnd.nextInt(3)) {
                        case 0 -> blob.replace(at, at + 2, String.format("%02X", rnd.nextInt(256)));
                        case 1 -> blob.delete(at, at + 2);
                        default -> blob.insert(at, String.format("%02X", rnd.nextInt(256)));
                    }
                }
                String b = "x'" + blob + "'";
                statements.add("SELECT json_valid(" + b + ", 4), json_valid(" + b + ", 8), json_valid(" + b + ", 3), "
                        + "json_error_position(" + b + "), hex(jsonb(" + b + "))");
            }
        }
        JsonDifferentialTest.allMatch(statements.toArray(String[]::new));
    }

    /** A generated document: its text and, for containers, the keys or size a path can use. */
    private record Doc(String text, List<String> keys, List<Doc> children) {}

    private static Doc scalar(String text) {
        return new Doc(text, List.of(), List.of());
    }

    private static Doc value(Random rnd, int depth) {
        int kind = rnd.nextInt(depth > 2 ? 4 : 7);
        return switch (kind) {
            case 0 -> scalar(List.of("null", "true", "false", "NaN", "Infinity", "-Infinity").get(rnd.nextInt(6)));
            case 1 -> scalar(List.of("0", "-7", "12345678901234567890", "2.50", "-1e-5", "0x1F", "-0xab", "+3", ".5", "5.",
                    "-.25", "1E+3", Long.toString(rnd.nextLong())).get(rnd.nextInt(13)));
            case 2, 3 -> scalar(string(rnd));
            case 4, 5 -> {
                StringBuilder sb = new StringBuilder("[");
                List<Doc> items = new ArrayList<>();
                int n = rnd.nextInt(5);
                for (int i = 0; i < n; i++) {
                    Doc item = value(rnd, depth + 1);
                    items.add(item);
                    sb.append(i > 0 ? "," : "").append(rnd.nextInt(6) == 0 ? " " : "").append(item.text);
                }
                yield new Doc(sb.append(rnd.nextInt(8) == 0 && n > 0 ? ",]" : "]").toString(), List.of(), items);
            }
            default -> {
                StringBuilder sb = new StringBuilder("{");
                List<String> keys = new ArrayList<>();
                List<Doc> values = new ArrayList<>();
                int n = rnd.nextInt(5);
                for (int i = 0; i < n; i++) {
                    String key = List.of("a", "b", "k" + i, "long key", "é").get(rnd.nextInt(5));
                    Doc v = value(rnd, depth + 1);
                    keys.add(key);
                    values.add(v);
                    String spelled = rnd.nextInt(4) == 0 && key.matches("[a-z0-9]+") ? key : "\"" + key + "\"";
                    sb.append(i > 0 ? "," : "").append(spelled).append(':').append(v.text);
                }
                yield new Doc(sb.append('}').toString(), keys, values);
            }
        };
    }

    private static String string(Random rnd) {
        String[] parts = {"a", "é", "😀", "\\u00e9", "\\n", "\\\"", "\\\\", "\\/", "\\t", "\\x41", "\\v", "\\0", "\\'", "'",
            "\t", "x", "xxxxxxxxxx", "\\\n"};
        boolean single = rnd.nextInt(5) == 0;
        StringBuilder sb = new StringBuilder(single ? "'" : "\"");
        int n = rnd.nextInt(6);
        for (int i = 0; i < n; i++) {
            String part = parts[rnd.nextInt(parts.length)];
            if (part.equals("'") && single) {
                part = "\\'";
            }
            sb.append(part);
        }
        if (rnd.nextInt(6) == 0) {
            sb.append("y".repeat(List.of(8, 9, 10, 11, 12, 250, 253, 254, 255, 256).get(rnd.nextInt(10))));
        }
        return sb.append(single ? "'" : "\"").toString();
    }

    /** A path into {@code doc}: mostly along existing members, sometimes one past or somewhere new. */
    private static String path(Random rnd, Doc doc) {
        StringBuilder p = new StringBuilder("$");
        Doc at = doc;
        while (rnd.nextInt(4) != 0) {
            if (!at.keys.isEmpty() || (at.children.isEmpty() && at.text.startsWith("{"))) {
                int i = rnd.nextInt(at.keys.size() + 1);
                String key = i < at.keys.size() ? at.keys.get(i) : "new";
                p.append(key.matches("[a-z0-9]+") && rnd.nextBoolean() ? "." + key : ".\"" + key + "\"");
                if (i >= at.keys.size()) {
                    break;
                }
                at = at.children.get(i);
            } else if (at.text.startsWith("[")) {
                int n = at.children.size();
                int i = rnd.nextInt(n + 2);
                if (i == n + 1) {
                    p.append(rnd.nextBoolean() ? "[#]" : "[#-1]");
                    break;
                }
                p.append('[').append(i).append(']');
                if (i >= n) {
                    break;
                }
                at = at.children.get(i);
            } else {
                break;
            }
        }
        return p.toString();
    }

    private static String editValue(Random rnd) {
        return List.of("1", "-2.5", "NULL", "'s'", "'xy\"z'", "'" + "w".repeat(rnd.nextInt(14)) + "'", "json('[1,2]')",
                "json('{\"q\":true}')", "jsonb('[0x2, .5]')", "json_quote('q')", "1e999", "123456789").get(rnd.nextInt(12));
    }
}
