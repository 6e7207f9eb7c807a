package io.turso4j.translate;

import io.turso4j.schema.Identifiers;
import io.turso4j.schema.Index;
import io.turso4j.schema.Schema;
import io.turso4j.schema.SystemTables;
import io.turso4j.schema.Table;
import io.turso4j.schema.Trigger;
import io.turso4j.schema.View;
import io.turso4j.sql.ast.Name;
import io.turso4j.sql.ast.Stmt;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.Program;
import io.turso4j.vdbe.ProgramBuilder;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * DROP TABLE, DROP VIEW and DROP INDEX, as SQLite's {@code sqlite3DropTable} and {@code
 * sqlite3DropIndex} code them: the checks and messages first (missing objects, the wrong DROP
 * for the kind, SQLite's own tables, indexes that implement constraints); then the rows go —
 * sqlite_stat1's and sqlite_sequence's for the object, its triggers, its own row and its
 * indexes' rows in sqlite_schema — and the B-trees are freed, the largest root first (so an
 * auto-vacuum move never lands on a tree still to be freed, see {@link SchemaWrites#destroy});
 * the cookie is bumped so every connection reads the schema again. Stateless.
 */
final class DropCodegen {
    private DropCodegen() {
    }

    static Program drop(Stmt.Drop stmt, Schema schema) {
        return switch (stmt.kind()) {
            case TABLE, VIEW -> dropTable(stmt, schema);
            case INDEX -> dropIndex(stmt, schema);
            case TRIGGER -> throw ExprCodegen.error("DROP TRIGGER is not supported yet");
        };
    }

    private static String written(Name name) {
        return name.schema() != null ? name.schema() + "." + name.name() : name.name();
    }

    /** Whether {@code name} may name an object here: unqualified or in main (else it names none). */
    private static boolean inMain(Name name) {
        return name.schema() == null || Identifiers.same(name.schema(), "main");
    }

    private static Program nothing() {
        ProgramBuilder b = new ProgramBuilder();
        b.emit(Opcode.Init, 0, 1);
        b.emit(Opcode.Halt, 0, 0);
        return b.build();
    }

    private static Program dropTable(Stmt.Drop stmt, Schema schema) {
        boolean isView = stmt.kind() == Stmt.ObjectKind.VIEW;
        String n = stmt.name().name();
        Table table = inMain(stmt.name()) ? schema.table(n) : null;
        View view = table == null && inMain(stmt.name()) ? schema.view(n) : null;
        if (table == null && view == null) {
            if (stmt.ifExists()) {
                return nothing();
            }
            throw ExprCodegen.error((isView ? "no such view: " : "no such table: ") + written(stmt.name()));
        }
        if (table != null && mayNotBeDropped(table)) {
            throw ExprCodegen.error("table " + table.name() + " may not be dropped");
        }
        if (isView && table != null) {
            throw ExprCodegen.error("use DROP TABLE to delete table " + table.name());
        }
        if (!isView && view != null) {
            throw ExprCodegen.error("use DROP VIEW to delete view " + view.name());
        }
        if (table != null && table.isVirtual()) {
            throw ExprCodegen.error("DROP TABLE of a virtual table is not supported yet");
        }
        String objectName = table != null ? table.name() : view.name();
        ProgramBuilder b = SchemaWrites.start();
        if (table != null) {
            deleteStats(b, schema, 0, table.name());
            if (table.autoincrement() && schema.sequenceTable() != null) {
                deleteFrom(b, schema.sequenceTable(), 0, table.name());
            }
        }
        for (Trigger trigger : schema.triggersOn(objectName)) {
            SchemaWrites.delete(b, List.of(new SchemaWrites.Match(SchemaWrites.NAME, trigger.name()),
                    new SchemaWrites.Match(SchemaWrites.TYPE, "trigger")));
        }
        SchemaWrites.delete(b, List.of(new SchemaWrites.Match(SchemaWrites.TBL_NAME, objectName)));
        if (table != null) {
            TreeSet<Integer> roots = new TreeSet<>(Comparator.reverseOrder());
            roots.add(table.rootPage());
            for (Index index : table.indexes()) {
                roots.add(index.rootPage());
            }
            for (int root : roots) {
                SchemaWrites.destroy(b, root);
            }
        }
        SchemaWrites.finish(b, schema);
        b.emit(Opcode.Halt, 0, 0);
        return b.build();
    }

    /** SQLite's tableMayNotBeDropped: its own tables, except the sqlite_stat ones. */
    private static boolean mayNotBeDropped(Table table) {
        return SystemTables.isReserved(table.name())
                && !Identifiers.hasPrefix(table.name(), SystemTables.RESERVED_PREFIX + "stat")
                && !Identifiers.hasPrefix(table.name(), SystemTables.RESERVED_PREFIX + "parameters");
    }

    private static Program dropIndex(Stmt.Drop stmt, Schema schema) {
        Index index = inMain(stmt.name()) ? schema.index(stmt.name().name()) : null;
        if (index == null) {
            if (stmt.ifExists()) {
                return nothing();
            }
            throw ExprCodegen.error("no such index: " + written(stmt.name()));
        }
        if (index.origin() != Index.Origin.CREATE) {
            throw ExprCodegen.error("index associated with UNIQUE or PRIMARY KEY constraint cannot be dropped");
        }
        ProgramBuilder b = SchemaWrites.start();
        deleteStats(b, schema, 1, index.name());
        SchemaWrites.delete(b, List.of(new SchemaWrites.Match(SchemaWrites.NAME, index.name()),
                new SchemaWrites.Match(SchemaWrites.TYPE, "index")));
        SchemaWrites.destroy(b, index.rootPage());
        SchemaWrites.finish(b, schema);
        b.emit(Opcode.Halt, 0, 0);
        return b.build();
    }

    /** SQLite's sqlite3ClearStatTables: the sqlite_stat1 rows whose tbl (0) or idx (1) is {@code value}. */
    private static void deleteStats(ProgramBuilder b, Schema schema, int column, String value) {
        Table stat1 = schema.stat1Table();
        if (stat1 != null) {
            deleteFrom(b, stat1, column, value);
        }
    }

    /** {@code DELETE FROM table WHERE column = value} for a table without indexes (sqlite_stat1, sqlite_sequence). */
    private static void deleteFrom(ProgramBuilder b, Table table, int column, String value) {
        int cursor = b.allocCursor();
        b.emit(Opcode.OpenWrite, cursor, table.rootPage(), table.db());
        SchemaWrites.deleteWhere(b, cursor, column, value);
        b.emit(Opcode.Close, cursor, 0);
    }
}
