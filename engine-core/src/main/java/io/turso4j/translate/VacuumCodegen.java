package io.turso4j.translate;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.function.FunctionRegistry;
import io.turso4j.schema.Index;
import io.turso4j.schema.Schema;
import io.turso4j.schema.Table;
import io.turso4j.sql.ast.Stmt;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.Program;
import io.turso4j.vdbe.ProgramBuilder;
import io.turso4j.vdbe.VacuumTrees;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code VACUUM [schema] [INTO file]}, coded as SQLite's sqlite3Vacuum does: the file name
 * expression (if any) into a register, then one {@code Vacuum} instruction, which does the
 * work (see vdbe's VacuumOp). In place, the program counts as a writer, so the statement runs
 * in a write transaction whose commit publishes the rebuilt pages. The instruction carries
 * the comparator of every index tree, which copying those trees entry by entry needs.
 * Stateless.
 */
final class VacuumCodegen {
    private VacuumCodegen() {
    }

    static Program vacuum(Stmt.Vacuum vacuum, String sql, FunctionRegistry functions, Schema schema) {
        String db = vacuum.schema();
        ProgramBuilder b = new ProgramBuilder();
        b.emit(Opcode.Init, 0, 1);
        if (db != null && db.equalsIgnoreCase("temp")) {
            // As sqlite3Vacuum: the temp database is never vacuumed, nor copied INTO a file.
            b.emit(Opcode.Halt, 0, 0);
            return b.build();
        }
        if (db != null && !db.equalsIgnoreCase("main")) {
            throw new SqliteException(ResultCode.ERROR, "unknown database " + db, nameOffset(vacuum, sql));
        }
        int into = 0;
        if (vacuum.into() != null) {
            into = b.allocRegister();
            new SelectCodegen(b, functions, sql, schema).exprs().code(vacuum.into(), into);
        }
        b.emit(Opcode.Vacuum, 0, into, 0, new VacuumTrees(indexTrees(schema)), 0);
        b.emit(Opcode.Halt, 0, 0);
        return b.build();
    }

    /** Where the schema name starts: after the VACUUM keyword and the blanks that follow it. */
    private static int nameOffset(Stmt.Vacuum vacuum, String sql) {
        int at = vacuum.pos().offset() + "VACUUM".length();
        while (at < sql.length() && Character.isWhitespace(sql.charAt(at))) {
            at++;
        }
        return at;
    }

    /** Root page → comparator of every index and every WITHOUT ROWID table. */
    private static Map<Integer, IndexKeyComparator> indexTrees(Schema schema) {
        Map<Integer, IndexKeyComparator> trees = new HashMap<>();
        for (Table t : schema.tables()) {
            if (t.isVirtual() || t.rootPage() <= 0) {
                continue;
            }
            for (Index i : t.indexes()) {
                trees.put(i.rootPage(), IndexKeys.comparator(i));
            }
            if (!t.hasRowid()) {
                Index pk = t.primaryKeyIndex();
                if (pk == null) {
                    throw ExprCodegen.error("VACUUM of WITHOUT ROWID table " + t.name() + " is not supported yet");
                }
                trees.put(t.rootPage(), IndexKeys.comparator(pk));
            }
        }
        return trees;
    }
}
