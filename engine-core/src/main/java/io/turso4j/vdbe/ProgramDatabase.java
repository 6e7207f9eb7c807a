package io.turso4j.vdbe;

/**
 * Points a schema-changing program at the database it changes. DDL is compiled as if for main
 * (cursor 0 on sqlite_schema at root page 1, new B-trees, the cookie); a CREATE or DROP in the
 * temp or an attached database changes that database only, so every storage access of its
 * program — OpenRead/OpenWrite and CreateBtree/Destroy (P3), Clear, SetCookie and IntegrityCk
 * (P2), as SQLite numbers them — is given that database's index (a PRAGMA on that database
 * is compiled the same way). Stateless.
 */
public final class ProgramDatabase {
    private ProgramDatabase() {
    }

    /**
     * Gives every storage access of {@code program} database {@code db}. Call on a program just
     * built, before any VM runs it (it is changed in place and returned).
     */
    public static Program on(Program program, int db) {
        return on(program, db, true);
    }

    /**
     * As {@link #on(Program, int)} but leaving OpenRead as it is: for CREATE TABLE … AS SELECT,
     * whose SELECT reads tables of any database (their cursors already name theirs) while
     * everything it writes is in the new table's database.
     */
    public static Program writesOn(Program program, int db) {
        return on(program, db, false);
    }

    private static Program on(Program program, int db, boolean reads) {
        for (int i = 0; i < program.size(); i++) {
            int field = switch (program.opcode(i)) {
                case OpenRead -> reads ? Program.P3 : -1;
                case OpenWrite, CreateBtree, Destroy -> Program.P3;
                case Clear, SetCookie, IntegrityCk -> Program.P2;
                default -> -1;
            };
            if (field >= 0) {
                program.code[i * Program.WIDTH + field] = db;
            }
        }
        return program;
    }
}
