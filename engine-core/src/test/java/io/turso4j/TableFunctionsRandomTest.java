package io.turso4j;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * json_tree and json_each over random documents against SQLite 3.54 (sqlite-jdbc): strings and
 * containers of sizes around the JSONB header boundaries (11, 255 and 65535 bytes), escapes and
 * non-ASCII text, so that every id (a JSONB offset) is checked; and json_each at paths taken from
 * the documents' own full keys. Prints its seed; replay with -Dturso4j.seed=….
 */
class TableFunctionsRandomTest {
    private static final String ALL = "key, value, type, atom, id, parent, fullkey, path";

    @Test
    void randomDocumentsMatchSqlite() throws SQLException {
        long seed = Long.getLong("turso4j.seed", System.nanoTime());
        System.out.println("TableFunctionsRandomTest seed=" + seed + " (replay with -Dturso4j.seed=" + seed + ")");
        Random random = new Random(seed);
        try (SqliteOracle oracle = new SqliteOracle()) {
            for (int round = 0; round < 30; round++) {
                String doc = value(random, 0);
                List<Object[]> script = new ArrayList<>();
                script.add(new Object[] {"SELECT " + ALL + " FROM json_tree(?)", doc});
                script.add(new Object[] {"SELECT " + ALL + " FROM json_each(?)", doc});
                List<String> paths = fullkeys(oracle, doc);
                for (int i = 0; i < Math.min(4, paths.size()); i++) {
                    String path = paths.get(random.nextInt(paths.size()));
                    script.add(new Object[] {"SELECT " + ALL + " FROM json_each(?, ?)", doc, path});
                    script.add(new Object[] {"SELECT " + ALL + " FROM json_tree(?, ?)", doc, path});
                }
                for (Object[] q : script) {
                    Object[] args = java.util.Arrays.copyOfRange(q, 1, q.length);
                    org.junit.jupiter.api.Assertions.assertEquals(oracle.sqlite((String) q[0], args),
                            oracle.turso((String) q[0], args), () -> "seed " + seed + ": " + q[0] + " " + List.of(args));
                }
            }
        }
    }

    /** The full keys SQLite lists for {@code doc}. */
    private static List<String> fullkeys(SqliteOracle oracle, String doc) throws SQLException {
        List<String> out = new ArrayList<>();
        try (java.sql.PreparedStatement s = oracle.sqliteConnection().prepareStatement(
                "SELECT fullkey FROM json_tree(?)")) {
            s.setString(1, doc);
            try (java.sql.ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static String value(Random r, int depth) {
        int kind = depth > 3 ? r.nextInt(4) : r.nextInt(7);
        return switch (kind) {
            case 0 -> List.of("null", "true", "false").get(r.nextInt(3));
            case 1 -> r.nextBoolean() ? Long.toString(r.nextLong() >> r.nextInt(64)) : Double.toString(r.nextGaussian() * 1000);
            case 2, 3 -> "\"" + text(r) + "\"";
            case 4 -> {
                StringBuilder sb = new StringBuilder("[");
                int n = sized(r);
                for (int i = 0; i < n; i++) {
                    sb.append(i > 0 ? "," : "").append(value(r, depth + 1));
                }
                yield sb.append(']').toString();
            }
            default -> {
                StringBuilder sb = new StringBuilder("{");
                int n = sized(r);
                for (int i = 0; i < n; i++) {
                    sb.append(i > 0 ? "," : "").append('"').append(key(r)).append("\":").append(value(r, depth + 1));
                }
                yield sb.append('}').toString();
            }
        };
    }

    private static int sized(Random r) {
        return r.nextInt(10) == 0 ? 20 + r.nextInt(60) : r.nextInt(5);
    }

    private static String key(Random r) {
        String[] keys = {"a", "b1", "a_b", "", "k y", "é", "Z", "x.y", "q\\\"", "n" + r.nextInt(100)};
        return keys[r.nextInt(keys.length)];
    }

    /** A string body of a length near a header boundary, with escapes and non-ASCII characters. */
    private static String text(Random r) {
        int[] lengths = {0, 1, 10, 11, 12, 13, 254, 255, 256, 257};
        int n = r.nextInt(200) == 0 ? 65530 + r.nextInt(10) : lengths[r.nextInt(lengths.length)] - r.nextInt(2);
        StringBuilder sb = new StringBuilder();
        while (sb.length() < n) {
            switch (r.nextInt(12)) {
                case 0 -> sb.append("\\n");
                case 1 -> sb.append("\\u00e9");
                case 2 -> sb.append('é');
                case 3 -> sb.append("\\\"");
                default -> sb.append((char) ('a' + r.nextInt(26)));
            }
        }
        return sb.toString();
    }
}
