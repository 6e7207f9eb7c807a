package io.turso4j.vdbe;

import io.turso4j.value.Collation;
import io.turso4j.value.Register;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code EXPLAIN}: a program's listing as rows in sqlite3's columns — addr, opcode, p1, p2,
 * p3, p4, p5, comment — produced one row per {@link #step}, so an EXPLAIN statement runs
 * through the same API as any other. Not thread-safe; one per statement.
 */
public final class Explain {
    public static final List<String> COLUMNS = List.of("addr", "opcode", "p1", "p2", "p3", "p4", "p5", "comment");

    private final Program program;
    private final Register[] row = new Register[COLUMNS.size()];
    private int next;

    public Explain(Program program) {
        this.program = program;
        for (int i = 0; i < row.length; i++) {
            row[i] = new Register();
        }
    }

    /** Fills the next row; false when the listing is done. */
    public boolean step() {
        if (next >= program.size()) {
            return false;
        }
        int addr = next++;
        row[0].setInt(addr);
        row[1].setText(program.opcode(addr).name());
        row[2].setInt(program.p1(addr));
        row[3].setInt(program.p2(addr));
        row[4].setInt(program.p3(addr));
        String p4 = p4Text(program.p4(addr));
        if (p4 == null) {
            row[5].setNull();
        } else {
            row[5].setText(p4);
        }
        row[6].setInt(program.p5(addr));
        row[7].setNull();
        return true;
    }

    public Register column(int i) {
        return row[i];
    }

    public void reset() {
        next = 0;
    }

    /** How P4 reads in a listing, as sqlite3 shows it where it can. */
    static String p4Text(Object p4) {
        return switch (p4) {
            case null -> null;
            case byte[] b -> "x'" + HexFormat.of().formatHex(b) + "'";
            case Collation c -> c.name();
            case Register r -> r.toText();
            default -> p4.toString();
        };
    }
}
