package io.turso4j.sql.ast;

import java.util.List;

/**
 * CREATE TABLE (lang_createtable.html): either columns and constraints, or AS SELECT.
 *
 * @param columns empty for AS SELECT
 * @param constraints table constraints in order; empty when none
 * @param withoutRowid WITHOUT ROWID was written
 * @param strict STRICT was written
 * @param asSelect the SELECT of CREATE TABLE … AS, otherwise null
 */
public record CreateTable(Pos pos, boolean temp, boolean ifNotExists, Name name, List<ColumnDef> columns,
                          List<TableConstraint> constraints, boolean withoutRowid, boolean strict,
                          Select asSelect) implements Stmt {

    /** {@code name [type] [constraints]}; {@code type} may be null. */
    public record ColumnDef(String name, TypeName type, List<ColumnConstraint> constraints) {}

    /**
     * A column constraint. As in SQLite's grammar, {@code CONSTRAINT name} is an
     * element of its own ({@link Named}) that names the one after it.
     * Nullable conflict actions mean no ON CONFLICT clause.
     */
    public sealed interface ColumnConstraint {}

    public record Named(String name) implements ColumnConstraint, TableConstraint {}

    /** {@code order} may be null. */
    public record PrimaryKey(OrderingTerm.SortOrder order, ConflictAction onConflict, boolean autoincrement)
            implements ColumnConstraint {}

    public record NotNull(ConflictAction onConflict) implements ColumnConstraint {}

    /** A bare {@code NULL} constraint, which SQLite accepts and ignores. */
    public record Nullable(ConflictAction onConflict) implements ColumnConstraint {}

    public record Unique(ConflictAction onConflict) implements ColumnConstraint {}

    public record Check(Expr expr) implements ColumnConstraint, TableConstraint {}

    public record Default(Expr value) implements ColumnConstraint {}

    public record Collate(String collation) implements ColumnConstraint {}

    public record References(ForeignKey clause) implements ColumnConstraint {}

    public enum Storage { STORED, VIRTUAL }

    /** {@code [GENERATED ALWAYS] AS (expr) [STORED|VIRTUAL]}; {@code storage} may be null. */
    public record Generated(Expr expr, Storage storage) implements ColumnConstraint {}

    /** A table constraint. */
    public sealed interface TableConstraint {}

    public record PrimaryKeyTable(List<OrderingTerm> columns, boolean autoincrement, ConflictAction onConflict)
            implements TableConstraint {}

    public record UniqueTable(List<OrderingTerm> columns, ConflictAction onConflict) implements TableConstraint {}

    public record ForeignKeyTable(List<String> columns, ForeignKey clause) implements TableConstraint {}

    public enum FkAction { SET_NULL, SET_DEFAULT, CASCADE, RESTRICT, NO_ACTION }

    public enum FkEvent { DELETE, UPDATE }

    /** One {@code ON DELETE|UPDATE action} or {@code MATCH name} (event and action null for MATCH). */
    public record FkRule(FkEvent event, FkAction action, String match) {}

    public enum Initially { DEFERRED, IMMEDIATE }

    /**
     * {@code [NOT] DEFERRABLE [INITIALLY DEFERRED|IMMEDIATE]}; {@code initially} may be null.
     */
    public record Deferrable(boolean not, Initially initially) {}

    /**
     * {@code REFERENCES table [(columns)] rules… [deferrable]}; {@code columns} empty
     * when not written; {@code deferrable} may be null.
     */
    public record ForeignKey(String table, List<String> columns, List<FkRule> rules, Deferrable deferrable) {}
}
