package io.turso4j;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random foreign key graphs — tables referring to themselves and to each other with random ON
 * DELETE / ON UPDATE actions — filled with random rows, then random deletes and re-keying
 * updates, compared with SQLite after each statement (results, errors, every table). Prints its
 * seed; replay with {@code -Dturso4j.seed=…}.
 */
class FkRecursiveRandomTest {
    private static final String[] ACTIONS = {"CASCADE", "SET NULL", "SET DEFAULT", "RESTRICT", "NO ACTION"};

    @Test
    void randomGraphs() throws SQLException {
        long seed = Long.getLong("turso4j.seed", System.nanoTime());
        System.out.println("FkRecursiveRandomTest.randomGraphs seed " + seed);
        Random random = new Random(seed);
        for (int round = 0; round < 12; round++) {
            List<String> script = script(random);
            try (SqliteOracle oracle = new SqliteOracle()) {
                FkRecursiveTest.run(oracle, script.toArray(String[]::new));
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + ", round " + round + ":\n" + String.join(";\n", script), e);
            }
        }
    }

    private static List<String> script(Random random) {
        int tables = 1 + random.nextInt(3);
        int rows = 5 + random.nextInt(40);
        List<String> out = new ArrayList<>();
        List<List<String>> fkColumns = new ArrayList<>();
        for (int t = 0; t < tables; t++) {
            StringBuilder sql = new StringBuilder("CREATE TABLE t" + t + "(id INTEGER PRIMARY KEY");
            List<String> columns = new ArrayList<>();
            int fks = 1 + random.nextInt(2);
            for (int f = 0; f < fks; f++) {
                String column = "f" + f;
                columns.add(column);
                String dflt = random.nextBoolean() ? "" : " DEFAULT " + random.nextInt(rows);
                sql.append(", ").append(column).append(" INTEGER").append(dflt).append(" REFERENCES t")
                        .append(random.nextInt(tables)).append("(id) ON DELETE ").append(ACTIONS[random.nextInt(5)])
                        .append(" ON UPDATE ").append(ACTIONS[random.nextInt(5)]);
            }
            out.add(sql.append(", v)").toString());
            fkColumns.add(columns);
        }
        out.add("PRAGMA foreign_keys = OFF"); // tables may refer to ones not filled yet
        for (int t = 0; t < tables; t++) {
            StringBuilder sql = new StringBuilder("INSERT INTO t" + t + " VALUES ");
            for (int r = 0; r < rows; r++) {
                sql.append(r == 0 ? "" : ", ").append("(").append(r);
                for (int f = 0; f < fkColumns.get(t).size(); f++) {
                    // Mostly a smaller id, so chains and trees form; sometimes NULL.
                    sql.append(", ").append(r == 0 || random.nextInt(6) == 0 ? "NULL" : String.valueOf(random.nextInt(r)));
                }
                sql.append(", ").append(random.nextInt(100)).append(")");
            }
            out.add(sql.toString());
        }
        out.add("PRAGMA foreign_keys = ON");
        out.add("PRAGMA foreign_key_check");
        for (int i = 0; i < 8; i++) {
            int t = random.nextInt(tables);
            int id = random.nextInt(rows);
            switch (random.nextInt(4)) {
                case 0, 1 -> out.add("DELETE FROM t" + t + " WHERE id = " + id);
                case 2 -> out.add("UPDATE t" + t + " SET id = id + " + (rows + random.nextInt(rows)) + " WHERE id = " + id);
                default -> out.add("DELETE FROM t" + t + " WHERE id % " + (2 + random.nextInt(4)) + " = 0");
            }
            for (int k = 0; k < tables; k++) {
                out.add("SELECT * FROM t" + k + " ORDER BY id");
            }
        }
        out.add("PRAGMA foreign_key_check");
        return out;
    }
}
