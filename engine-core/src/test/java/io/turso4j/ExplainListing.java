package io.turso4j;

import java.util.ArrayList;
import java.util.List;

/** A statement's program as EXPLAIN lists it, for the tests that check a program's shape. */
final class ExplainListing {
    private ExplainListing() {}

    /** Each instruction of {@code sql}'s program on {@code c}: addr, opcode, p1, p2, p3, p4, p5 as text. */
    static List<String[]> instructions(Connection c, String sql) {
        List<String[]> rows = new ArrayList<>();
        try (Statement s = c.prepare("EXPLAIN " + sql)) {
            while (s.next()) {
                String[] row = new String[7];
                for (int i = 0; i < row.length; i++) {
                    row[i] = s.getText(i);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** The opcode names of {@code sql}'s program on {@code c}. */
    static List<String> opcodes(Connection c, String sql) {
        return instructions(c, sql).stream().map(row -> row[1]).toList();
    }

    /** The opcode names of {@code sql}'s program, on a new in-memory database after {@code setup}. */
    static List<String> opcodes(List<String> setup, String sql) {
        try (Database db = Database.open(":memory:"); Connection c = db.connect()) {
            for (String s : setup) {
                c.execute(s);
            }
            return opcodes(c, sql);
        }
    }
}
