package io.turso4j.sql.ast;


/**
 * A statement (sqlite.org/lang.html). The larger statements are top-level
 * records of this package; the small ones are nested here. Immutable.
 */
public sealed interface Stmt
        permits Select, Insert, Update, Delete, CreateTable, CreateIndex, CreateView, CreateTrigger,
                CreateVirtualTable, Stmt.Drop, Stmt.AlterTable, Stmt.Begin, Stmt.Commit, Stmt.Rollback,
                Stmt.Savepoint, Stmt.Release, Stmt.Pragma, Stmt.Attach, Stmt.Detach, Stmt.Analyze,
                Stmt.Vacuum, Stmt.Reindex, Stmt.Explain {
    Pos pos();

    enum ObjectKind { TABLE, INDEX, VIEW, TRIGGER }

    record Drop(Pos pos, ObjectKind kind, boolean ifExists, Name name) implements Stmt {}

    record AlterTable(Pos pos, Name table, AlterAction action) implements Stmt {}

    sealed interface AlterAction {}

    record RenameTable(String newName) implements AlterAction {}

    /** {@code oldWritten}: the old name as written, quotes and all, which SQLite's "no such column" quotes again. */
    record RenameColumn(String oldName, String newName, String oldWritten) implements AlterAction {}

    record AddColumn(CreateTable.ColumnDef column) implements AlterAction {}

    /** {@code written}: the name as written, quotes and all (see {@link RenameColumn}). */
    record DropColumn(String column, String written) implements AlterAction {}

    /** CONCURRENT is Turso's multi-writer extension (and SQLite's begin-concurrent branch). */
    enum TransactionKind { DEFERRED, IMMEDIATE, EXCLUSIVE, CONCURRENT }

    /** {@code BEGIN [kind] [TRANSACTION]}; {@code kind} may be null. */
    record Begin(Pos pos, TransactionKind kind) implements Stmt {}

    /** COMMIT or END. */
    record Commit(Pos pos) implements Stmt {}

    /** {@code ROLLBACK [TO [SAVEPOINT] name]}; {@code savepoint} may be null. */
    record Rollback(Pos pos, String savepoint) implements Stmt {}

    record Savepoint(Pos pos, String name) implements Stmt {}

    record Release(Pos pos, String name) implements Stmt {}

    /**
     * {@code PRAGMA name [= value | (value)]}. {@code value} is the dequoted text, with
     * a leading {@code -} for negative numbers, or null; {@code call} is true for the
     * parenthesized form.
     */
    record Pragma(Pos pos, Name name, String value, boolean call) implements Stmt {}

    /** {@code ATTACH [DATABASE] file AS schema [KEY key]}; {@code key} may be null. */
    record Attach(Pos pos, Expr file, Expr schema, Expr key) implements Stmt {}

    record Detach(Pos pos, Expr schema) implements Stmt {}

    /** {@code ANALYZE [name]}; {@code name} may be null. */
    record Analyze(Pos pos, Name name) implements Stmt {}

    /** {@code VACUUM [schema] [INTO file]}; both may be null. */
    record Vacuum(Pos pos, String schema, Expr into) implements Stmt {}

    /** {@code REINDEX [name]}; {@code name} may be null. */
    record Reindex(Pos pos, Name name) implements Stmt {}

    record Explain(Pos pos, boolean queryPlan, Stmt stmt) implements Stmt {}
}
