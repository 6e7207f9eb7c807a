package io.turso4j.translate;

import io.turso4j.schema.Schema;
import io.turso4j.schema.Table;
import io.turso4j.sql.ast.CreateIndex;
import io.turso4j.sql.ast.CreateTable;
import io.turso4j.sql.ast.CreateTrigger;
import io.turso4j.sql.ast.CreateView;
import io.turso4j.sql.ast.Name;
import io.turso4j.sql.ast.Stmt;
import io.turso4j.vdbe.Program;
import io.turso4j.vdbe.ProgramDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * CREATE and DROP on a connection with more than one database: which database the statement
 * changes, as SQLite decides it (TEMP or a {@code temp.}/{@code name.} qualifier for CREATE; for
 * CREATE INDEX and an unqualified CREATE TRIGGER the database of the table; for DROP the first
 * database holding the object, temp, then main, then the attached ones). The statement is then
 * compiled, unqualified, against that database's own schema (so a temp table may share a main
 * table's name) and its program pointed at that database ({@link ProgramDatabase}). ANALYZE,
 * REINDEX and the integrity checks without a name cover main's objects only. Stateless.
 */
final class DatabaseDdl {
    private DatabaseDdl() {
    }

    /**
     * Compiles {@code stmt} with {@code compiler} for the database it changes; null when the
     * statement is not DDL of this kind or the connection has only main (it compiles as before).
     */
    static Program compile(Stmt stmt, Schema schema, BiFunction<Stmt, Schema, Program> compiler) {
        if (schema.databases().isEmpty()) {
            return null;
        }
        return switch (stmt) {
            case CreateTable c when c.asSelect() == null -> {
                int db = createTarget(schema, c.temp(), c.name(), "temporary table name must be unqualified");
                yield on(db, compiler.apply(new CreateTable(c.pos(), false, c.ifNotExists(), unqualified(c.name()),
                        c.columns(), c.constraints(), c.withoutRowid(), c.strict(), null), own(schema, db)));
            }
            case CreateTable c when c.temp() || c.name().schema() != null -> {
                int db = createTarget(schema, c.temp(), c.name(), "temporary table name must be unqualified");
                if (db == 0) {
                    yield null;
                }
                // AS SELECT: the SELECT reads whatever it names, so it is compiled against everything.
                yield ProgramDatabase.writesOn(compiler.apply(new CreateTable(c.pos(), false, c.ifNotExists(),
                        unqualified(c.name()), c.columns(), c.constraints(), c.withoutRowid(), c.strict(), c.asSelect()),
                        schema), db);
            }
            case CreateIndex c -> {
                int db = c.name().schema() != null ? named(schema, c.name().schema()) : tableDb(schema, c.table());
                yield on(db, compiler.apply(new CreateIndex(c.pos(), c.unique(), c.ifNotExists(), unqualified(c.name()),
                        c.table(), c.columns(), c.where()), own(schema, db)));
            }
            case CreateView c when c.temp() || c.name().schema() != null -> {
                int db = createTarget(schema, c.temp(), c.name(), "temporary table name must be unqualified");
                yield on(db, compiler.apply(new CreateView(c.pos(), false, c.ifNotExists(), unqualified(c.name()),
                        c.columns(), c.select()), own(schema, db)));
            }
            case CreateTrigger c -> {
                int db = c.temp() || c.name().schema() != null
                        ? createTarget(schema, c.temp(), c.name(), "temporary trigger may not have qualified name")
                        : tableDb(schema, c.table().name());
                if (db == 0) {
                    yield null;
                }
                // A trigger may watch a table of another database (a TEMP trigger on a main table):
                // it is checked against everything the connection sees.
                yield on(db, compiler.apply(new CreateTrigger(c.pos(), false, c.ifNotExists(), unqualified(c.name()),
                        c.time(), c.event(), c.updateOf(), c.table(), c.forEachRow(), c.when(), c.body()), schema));
            }
            case Stmt.Drop d -> {
                int db = d.name().schema() != null ? named(schema, d.name().schema()) : holder(schema, d);
                if (db < 0) {
                    yield null; // nowhere: the ordinary path reports it
                }
                if (!holds(own(schema, db), d)) {
                    yield compiler.apply(d, own(schema, db)); // not there: reported under the name as written
                }
                yield on(db, compiler.apply(new Stmt.Drop(d.pos(), d.kind(), d.ifExists(), unqualified(d.name())),
                        own(schema, db)));
            }
            // Statements that walk every table of main (and write main's sqlite_stat1) see main's own.
            case Stmt.Analyze a when a.name() == null -> compiler.apply(a, own(schema, 0));
            case Stmt.Reindex r when r.name() == null -> compiler.apply(r, own(schema, 0));
            // A check of one table looks in main (as SQLite 3.40's does); without one, it checks
            // every database, compiled against the merged schema.
            case Stmt.Pragma p when p.name().schema() == null && isCheck(p.name().name())
                    && !IntegrityCodegen.isLimit(p.value()) -> compiler.apply(p, own(schema, 0));
            default -> null;
        };
    }

    private static boolean isCheck(String pragma) {
        return pragma.equalsIgnoreCase("integrity_check") || pragma.equalsIgnoreCase("quick_check");
    }

    private static Program on(int db, Program program) {
        return db == 0 ? program : ProgramDatabase.on(program, db);
    }

    private static Name unqualified(Name name) {
        return name.schema() == null ? name : new Name(null, name.name());
    }

    private static Schema own(Schema schema, int db) {
        return schema.database(db).schema();
    }

    /** CREATE [TEMP] … [db.]name: temp for TEMP (or with no other qualifier), the named database else, main by default. */
    private static int createTarget(Schema schema, boolean temp, Name name, String qualifiedTemp) {
        if (name.schema() == null) {
            return temp ? 1 : 0;
        }
        int db = named(schema, name.schema());
        if (temp && db != 1) {
            throw ExprCodegen.error(qualifiedTemp);
        }
        return db;
    }

    private static int named(Schema schema, String name) {
        Schema.Database d = schema.database(name);
        if (d == null) {
            throw ExprCodegen.error("unknown database " + name);
        }
        return d.index();
    }

    /** The database of the table {@code name} resolves to (main if none: the codegen reports it). */
    private static int tableDb(Schema schema, String name) {
        Table t = schema.table(name);
        return t == null ? 0 : t.db();
    }

    /** The first database, in resolution order, holding the object a DROP names; -1 if none does. */
    private static int holder(Schema schema, Stmt.Drop d) {
        for (Schema.Database db : resolutionOrder(schema)) {
            if (holds(db.schema(), d)) {
                return db.index();
            }
        }
        return -1;
    }

    private static boolean holds(Schema s, Stmt.Drop d) {
        String n = d.name().name();
        return switch (d.kind()) {
            case TABLE -> s.table(n) != null;
            case VIEW -> s.view(n) != null;
            case INDEX -> s.index(n) != null;
            case TRIGGER -> s.trigger(n) != null;
        };
    }

    /** temp, main, then the attached databases in order, as SQLite searches unqualified names. */
    static List<Schema.Database> resolutionOrder(Schema schema) {
        List<Schema.Database> order = new ArrayList<>();
        List<Schema.Database> all = schema.databases();
        if (all.size() > 1 && all.get(1) != null) {
            order.add(all.get(1));
        }
        order.add(all.get(0));
        for (int i = 2; i < all.size(); i++) {
            order.add(all.get(i));
        }
        return order;
    }
}
