package io.turso4j.translate.schema;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.schema.CheckConstraint;
import io.turso4j.schema.Column;
import io.turso4j.schema.Conflict;
import io.turso4j.schema.ForeignKey;
import io.turso4j.schema.Identifiers;
import io.turso4j.schema.Index;
import io.turso4j.schema.IndexColumn;
import io.turso4j.schema.IndexOrder;
import io.turso4j.schema.Table;
import io.turso4j.sql.ast.ConflictAction;
import io.turso4j.sql.ast.CreateTable;
import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.OrderingTerm;
import io.turso4j.sql.ast.Pos;
import io.turso4j.value.Affinity;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one CREATE TABLE (columns and constraints, not AS SELECT) into a {@link Table} the way
 * SQLite's build.c does while it parses: each column is added and then each of its constraints
 * applied in order (sqlite3AddColumn, sqlite3AddPrimaryKey, sqlite3CreateIndex for the automatic
 * indexes, sqlite3AddCollateType, …), then the table constraints, then the checks of
 * sqlite3EndTable (STRICT types, WITHOUT ROWID, CHECK and generated-column names).
 *
 * <p>The order matters and is SQLite's: it decides autoindex numbering, which error a bad
 * statement reports first, and what a later COLLATE changes. Errors are thrown as
 * {@link SqliteException} (SQLITE_ERROR) with SQLite's message. Single use, one thread.
 */
final class TableBuilder {
    /** SQLite's default SQLITE_LIMIT_COLUMN. */
    static final int MAX_COLUMNS = 2000;

    private final CreateTable stmt;
    private final String sql;
    private final String name;
    private final CreateTableSource source;
    private final SchemaBuilder.Mode mode;
    private final List<ColumnDraft> columns = new ArrayList<>();
    private final List<CheckConstraint> checks = new ArrayList<>();
    private final List<ForeignKey> foreignKeys = new ArrayList<>();
    private List<Index> indexes = new ArrayList<>();
    private boolean hasPrimaryKey;
    private int rowidAlias = -1;
    private Conflict rowidConflict = Conflict.DEFAULT;
    private boolean rowidDesc;
    private boolean autoincrement;
    private String constraintName;
    private int tableCheck;
    /**
     * An error SQLite records without stopping the routine that found it (sqlite3ErrorMsg in
     * makeColumnPartOfPrimaryKey): a later error in the same routine replaces it; it is thrown
     * when the constraint has been applied, where SQLite's parser stops.
     */
    private String pendingError;

    TableBuilder(CreateTable stmt, String sql, SchemaBuilder.Mode mode) {
        this.stmt = stmt;
        this.sql = sql;
        this.name = stmt.name().name();
        this.source = CreateTableSource.read(sql, stmt.columns().size());
        this.mode = mode;
    }

    Table build() {
        for (int i = 0; i < stmt.columns().size(); i++) {
            addColumn(stmt.columns().get(i), source.columns.get(i));
        }
        constraintName = null;
        for (CreateTable.TableConstraint c : stmt.constraints()) {
            tableConstraint(c);
        }
        if (stmt.strict()) {
            strictChecks();
        }
        if (stmt.withoutRowid()) {
            if (autoincrement) {
                throw error("AUTOINCREMENT not allowed on WITHOUT ROWID tables");
            }
            if (!hasPrimaryKey) {
                throw error("PRIMARY KEY missing on table " + name);
            }
        }
        String recorded = null;
        if (stmt.withoutRowid()) {
            try {
                convertToWithoutRowid();
            } catch (SqliteException e) {
                recorded = e.getMessage(); // SQLite records it and carries on with sqlite3EndTable
            }
        }
        checkColumnExpressions(columnNames(), recorded);
        List<Column> built = new ArrayList<>(columns.size());
        for (ColumnDraft c : columns) {
            built.add(c.build());
        }
        return new Table(name, 0, sql, built, rowidAlias, rowidConflict, autoincrement, stmt.withoutRowid(),
                stmt.strict(), checks, foreignKeys, indexes, null, 0);
    }

    private void addColumn(CreateTable.ColumnDef def, ColumnSource src) {
        if (columns.size() + 1 > MAX_COLUMNS) {
            throw error("too many columns on " + name);
        }
        for (ColumnDraft c : columns) {
            if (Identifiers.same(c.name, def.name())) {
                throw error("duplicate column name: " + def.name());
            }
        }
        columns.add(new ColumnDraft(def.name(), DeclaredType.of(src.type())));
        constraintName = null;
        int check = 0;
        int dflt = 0;
        for (CreateTable.ColumnConstraint c : def.constraints()) {
            switch (c) {
                case CreateTable.Named n -> constraintName = n.name();
                case CreateTable.PrimaryKey pk -> addPrimaryKey(null, conflict(pk.onConflict()), pk.autoincrement(),
                        pk.order() == OrderingTerm.SortOrder.DESC);
                case CreateTable.NotNull nn -> {
                    last().notNull = true;
                    last().notNullConflict = conflict(nn.onConflict());
                }
                case CreateTable.Nullable ignored -> {
                }
                case CreateTable.Unique u -> createAutoIndex(List.of(lastColumnTerm(false)), conflict(u.onConflict()),
                        Index.Origin.UNIQUE);
                case CreateTable.Check ignored -> checks.add(new CheckConstraint(constraintName, src.checks().get(check++)));
                case CreateTable.Default d -> addDefault(d.value(), src.defaults().get(dflt++));
                case CreateTable.Collate col -> addCollation(col.collation());
                case CreateTable.References r -> addForeignKey(null, r.clause(), src.referencesToken());
                case CreateTable.Generated g -> addGenerated(g, src);
            }
            throwPending();
        }
    }

    private void tableConstraint(CreateTable.TableConstraint c) {
        switch (c) {
            case CreateTable.Named n -> {
                constraintName = n.name();
                return;
            }
            case CreateTable.PrimaryKeyTable pk -> addPrimaryKey(pk.columns(), conflict(pk.onConflict()),
                    pk.autoincrement(), false);
            case CreateTable.UniqueTable u -> createAutoIndex(u.columns(), conflict(u.onConflict()), Index.Origin.UNIQUE);
            case CreateTable.Check ignored -> checks.add(new CheckConstraint(constraintName,
                    source.tableChecks.get(tableCheck++)));
            case CreateTable.ForeignKeyTable fk -> addForeignKey(fk.columns(), fk.clause(), fk.clause().table());
        }
        throwPending();
        constraintName = null;
    }

    private ColumnDraft last() {
        return columns.getLast();
    }

    /** An index term naming the column just added (SQLite builds one from the column's name). */
    private OrderingTerm lastColumnTerm(boolean desc) {
        return new OrderingTerm(new Expr.Column(Pos.NONE, null, null, last().name),
                desc ? OrderingTerm.SortOrder.DESC : null, null);
    }

    /** sqlite3AddPrimaryKey; {@code terms} null for the column-constraint form on the last column. */
    private void addPrimaryKey(List<OrderingTerm> terms, Conflict onConflict, boolean autoinc, boolean desc) {
        if (hasPrimaryKey) {
            throw error("table \"" + name + "\" has more than one primary key");
        }
        hasPrimaryKey = true;
        int column = -1;
        int termCount;
        if (terms == null) {
            column = columns.size() - 1;
            markPrimaryKey(last());
            termCount = 1;
        } else {
            termCount = terms.size();
            for (OrderingTerm t : terms) {
                String id = identifier(ExprScan.skipCollate(t.expr()));
                int at = id == null ? -1 : columnIndex(id);
                if (at >= 0) {
                    column = at;
                    markPrimaryKey(columns.get(at));
                }
            }
        }
        boolean integer = column >= 0 && columns.get(column).type.isInteger();
        if (termCount == 1 && integer && !desc) {
            rowidAlias = column;
            rowidConflict = onConflict;
            autoincrement = autoinc;
            rowidDesc = terms != null && terms.getFirst().order() == OrderingTerm.SortOrder.DESC;
        } else if (autoinc) {
            throw error("AUTOINCREMENT is only allowed on an INTEGER PRIMARY KEY");
        } else if (pendingError == null) { // sqlite3CreateIndex does nothing once an error is recorded
            createAutoIndex(terms != null ? terms : List.of(lastColumnTerm(desc)), onConflict, Index.Origin.PRIMARY_KEY);
        }
    }

    /** A PRIMARY KEY term's column name: an identifier, or a string literal (sqlite3StringToId). */
    private static String identifier(Expr e) {
        if (e instanceof Expr.Column c && c.table() == null) {
            return c.column();
        }
        if (e instanceof Expr.Literal l && l.kind() == Expr.LiteralKind.STRING) {
            return l.text();
        }
        return null;
    }

    private void markPrimaryKey(ColumnDraft c) {
        c.primaryKey = true;
        if (c.generated != Column.Generated.NONE) {
            pendingError = "generated columns cannot be part of the PRIMARY KEY";
        }
    }

    private void throwPending() {
        if (pendingError != null) {
            throw error(pendingError);
        }
    }

    /**
     * sqlite3CreateIndex for a PRIMARY KEY or UNIQUE constraint: the key must be plain columns;
     * an index with the same key columns and collations as an earlier one is merged into it.
     */
    private void createAutoIndex(List<OrderingTerm> terms, Conflict onConflict, Index.Origin origin) {
        String indexName = "sqlite_autoindex_" + name + "_" + (indexes.size() + 1);
        List<String> names = columnNames();
        List<Expr> resolved = new ArrayList<>(terms.size());
        for (OrderingTerm t : terms) {
            resolved.add(SelfReference.indexTerm(t.expr(), name, names));
        }
        List<IndexColumn> key = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            OrderingTerm t = terms.get(i);
            if (!(resolved.get(i) instanceof Expr.Column c)) {
                throw error("expressions prohibited in PRIMARY KEY and UNIQUE constraints");
            }
            int column = columnIndex(c.column());
            String collation = t.expr() instanceof Expr.Collate coll ? checkedCollation(coll.collation())
                    : columns.get(column).collation;
            key.add(new IndexColumn(column, null, collation != null ? collation : "BINARY",
                    t.order() == OrderingTerm.SortOrder.DESC));
        }
        for (int i = 0; i < indexes.size(); i++) {
            Index old = indexes.get(i);
            if (sameKey(old, key)) {
                Conflict merged = old.onConflict();
                if (old.onConflict() != onConflict) {
                    if (old.onConflict() != Conflict.DEFAULT && onConflict != Conflict.DEFAULT) {
                        throw error("conflicting ON CONFLICT clauses specified");
                    }
                    if (old.onConflict() == Conflict.DEFAULT) {
                        merged = onConflict;
                    }
                }
                Index.Origin o = origin == Index.Origin.PRIMARY_KEY ? origin : old.origin();
                Index updated = new Index(old.name(), old.table(), 0, null, true, o, merged, old.columns(),
                        old.keyCount(), null);
                if (merged != Conflict.REPLACE || old.onConflict() == Conflict.REPLACE) {
                    indexes.set(i, updated);
                } else {
                    // It became a REPLACE index: SQLite keeps those after all others.
                    indexes.remove(i);
                    indexes = new ArrayList<>(IndexOrder.link(indexes, updated));
                }
                return;
            }
        }
        List<IndexColumn> all = new ArrayList<>(key);
        all.add(new IndexColumn(IndexColumn.ROWID, null, "BINARY", false));
        Index index = new Index(indexName, name, 0, null, true, origin, onConflict, all, key.size(), null);
        indexes = new ArrayList<>(IndexOrder.link(indexes, index));
    }

    private static boolean sameKey(Index old, List<IndexColumn> key) {
        if (old.keyCount() != key.size()) {
            return false;
        }
        for (int k = 0; k < key.size(); k++) {
            IndexColumn a = old.columns().get(k);
            IndexColumn b = key.get(k);
            if (a.column() != b.column() || !Identifiers.same(a.collation(), b.collation())) {
                return false;
            }
        }
        return true;
    }

    private void addDefault(Expr value, ColumnSource.DefaultSource src) {
        ColumnDraft c = last();
        Expr checked = src.parenthesized() ? value : null;
        if (checked != null && !ExprScan.isConstantDefault(checked, mode == SchemaBuilder.Mode.LOAD)) {
            throw error("default value of column [" + c.name + "] is not constant");
        }
        if (c.generated != Column.Generated.NONE) {
            throw error("cannot use DEFAULT on a generated column");
        }
        c.defaultSql = src.text();
    }

    private void addGenerated(CreateTable.Generated g, ColumnSource src) {
        ColumnDraft c = last();
        // SQLite keeps a default and a generating expression in one slot: either one already there is an error.
        if (c.defaultSql != null || c.generated != Column.Generated.NONE) {
            throw error("error in generated column \"" + c.name + "\"");
        }
        c.generated = g.storage() == CreateTable.Storage.STORED ? Column.Generated.STORED : Column.Generated.VIRTUAL;
        c.generatedSql = src.generatedText();
        if (c.primaryKey) {
            markPrimaryKey(c);
        }
    }

    /** sqlite3AddCollateType: also fixes the automatic indexes already made on this column. */
    private void addCollation(String collation) {
        checkedCollation(collation);
        int column = columns.size() - 1;
        last().collation = collation;
        List<Index> fixed = new ArrayList<>(indexes.size());
        for (Index index : indexes) {
            if (index.columns().getFirst().column() == column) {
                List<IndexColumn> cols = new ArrayList<>(index.columns());
                IndexColumn first = cols.getFirst();
                cols.set(0, new IndexColumn(first.column(), null, collation, first.desc()));
                index = new Index(index.name(), index.table(), 0, null, index.unique(), index.origin(),
                        index.onConflict(), cols, index.keyCount(), null);
            }
            fixed.add(index);
        }
        indexes = fixed;
    }

    private String checkedCollation(String collation) {
        if (mode == SchemaBuilder.Mode.EXECUTE && !SchemaBuilder.isKnownCollation(collation)) {
            throw error("no such collation sequence: " + collation);
        }
        return collation;
    }

    /**
     * sqlite3CreateForeignKey; {@code from} null for a REFERENCES on the last column, whose
     * parent table {@code parentToken} names as written.
     */
    private void addForeignKey(List<String> from, CreateTable.ForeignKey clause, String parentToken) {
        List<String> to = clause.columns();
        if (from == null) {
            if (!to.isEmpty() && to.size() != 1) {
                throw error("foreign key on " + last().name + " should reference only one column of table "
                        + parentToken);
            }
            from = List.of(last().name);
        } else if (!to.isEmpty() && to.size() != from.size()) {
            throw error("number of columns in foreign key does not match the number of columns in the referenced table");
        }
        List<String> fromNames = new ArrayList<>();
        for (String f : from) {
            int at = columnIndex(f);
            if (at < 0) {
                throw error("unknown column \"" + f + "\" in foreign key definition");
            }
            fromNames.add(columns.get(at).name);
        }
        ForeignKey.Action onDelete = ForeignKey.Action.NO_ACTION;
        ForeignKey.Action onUpdate = ForeignKey.Action.NO_ACTION;
        for (CreateTable.FkRule rule : clause.rules()) {
            if (rule.event() == CreateTable.FkEvent.DELETE) {
                onDelete = action(rule.action());
            } else if (rule.event() == CreateTable.FkEvent.UPDATE) {
                onUpdate = action(rule.action());
            }
        }
        CreateTable.Deferrable d = clause.deferrable();
        boolean deferred = d != null && !d.not() && d.initially() == CreateTable.Initially.DEFERRED;
        foreignKeys.add(new ForeignKey(fromNames, clause.table(), to, onDelete, onUpdate, deferred));
    }

    private static ForeignKey.Action action(CreateTable.FkAction a) {
        return switch (a) {
            case SET_NULL -> ForeignKey.Action.SET_NULL;
            case SET_DEFAULT -> ForeignKey.Action.SET_DEFAULT;
            case CASCADE -> ForeignKey.Action.CASCADE;
            case RESTRICT -> ForeignKey.Action.RESTRICT;
            case NO_ACTION -> ForeignKey.Action.NO_ACTION;
        };
    }

    /** sqlite3EndTable's STRICT rules: only standard types; ANY stores as given; key columns NOT NULL. */
    private void strictChecks() {
        for (int i = 0; i < columns.size(); i++) {
            ColumnDraft c = columns.get(i);
            if (c.type.standard() == null) {
                if (c.type != DeclaredType.NONE) {
                    throw error("unknown datatype for " + name + "." + c.name + ": \"" + c.type.display() + "\"");
                }
                throw error("missing datatype for " + name + "." + c.name);
            }
            if (c.type.standard() == DeclaredType.Standard.ANY) {
                c.affinity = Affinity.BLOB;
            }
            if (c.primaryKey && i != rowidAlias && !c.notNull) {
                c.notNull = true;
                c.notNullConflict = Conflict.ABORT;
            }
        }
    }

    private void convertToWithoutRowid() {
        for (ColumnDraft c : columns) {
            if (c.primaryKey && !c.notNull) {
                c.notNull = true;
                c.notNullConflict = Conflict.ABORT;
            }
        }
        if (rowidAlias >= 0) {
            int column = rowidAlias;
            Conflict conflict = rowidConflict;
            rowidAlias = -1;
            rowidConflict = Conflict.DEFAULT;
            createAutoIndex(List.of(new OrderingTerm(new Expr.Column(Pos.NONE, null, null,
                    columns.get(column).name), rowidDesc ? OrderingTerm.SortOrder.DESC : null, null)),
                    conflict, Index.Origin.PRIMARY_KEY);
        }
        indexes = WithoutRowid.convert(indexes, columns);
    }

    /**
     * sqlite3EndTable's last checks, in its order. SQLite does not stop at the first of these
     * errors, and a later message replaces an earlier one: names in the CHECK constraints are
     * resolved (column constraints first, then the table's, as SQLite lists them) one by one
     * until an error is on record — so the first is resolved even after a WITHOUT ROWID
     * conversion error — then each generating expression in turn, then some column must be
     * stored. Only when all that passed may generated columns not use the rowid
     * ({@code no such column: rowid}) and not depend on each other in a loop.
     */
    private void checkColumnExpressions(List<String> names, String recorded) {
        boolean hasRowid = !stmt.withoutRowid();
        String last = recorded;
        List<Expr> checkExprs = new ArrayList<>();
        for (CreateTable.ColumnDef def : stmt.columns()) {
            for (CreateTable.ColumnConstraint c : def.constraints()) {
                if (c instanceof CreateTable.Check check) {
                    checkExprs.add(check.expr());
                }
            }
        }
        for (CreateTable.TableConstraint c : stmt.constraints()) {
            if (c instanceof CreateTable.Check check) {
                checkExprs.add(check.expr());
            }
        }
        // sqlite3ResolveExprListNames resolves one expression, then stops if any error is recorded.
        for (Expr e : checkExprs) {
            try {
                SelfReference.check(e, name, names, SelfReference.Context.CHECK, hasRowid);
            } catch (SqliteException ex) {
                last = ex.getMessage();
            }
            if (last != null) {
                break;
            }
        }
        boolean anyGenerated = false;
        boolean anyOrdinary = false;
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).generated == Column.Generated.NONE) {
                anyOrdinary = true;
                continue;
            }
            anyGenerated = true;
            for (CreateTable.ColumnConstraint c : stmt.columns().get(i).constraints()) {
                if (c instanceof CreateTable.Generated g) {
                    try {
                        SelfReference.check(g.expr(), name, names, SelfReference.Context.GENERATED, true);
                    } catch (SqliteException e) {
                        last = e.getMessage();
                    }
                }
            }
        }
        if (anyGenerated && !anyOrdinary) {
            last = "must have at least one non-generated column";
        }
        if (last != null) {
            throw error(last);
        }
        if (anyGenerated) {
            for (CreateTable.ColumnDef def : stmt.columns()) {
                for (CreateTable.ColumnConstraint c : def.constraints()) {
                    if (c instanceof CreateTable.Generated g) {
                        SelfReference.check(g.expr(), name, names, SelfReference.Context.GENERATED, false);
                    }
                }
            }
            checkGeneratedOrder(names);
        }
    }

    /**
     * SQLite's sqlite3ComputeGeneratedColumns order: passes over the columns compute each
     * VIRTUAL column whose VIRTUAL inputs are already computed (ordinary and STORED columns
     * count as available), until a pass makes no progress; the last column left names the loop.
     */
    private void checkGeneratedOrder(List<String> names) {
        List<List<Integer>> inputs = new ArrayList<>();
        boolean[] available = new boolean[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            List<Integer> uses = new ArrayList<>();
            for (CreateTable.ColumnConstraint c : stmt.columns().get(i).constraints()) {
                if (c instanceof CreateTable.Generated g) {
                    ExprScan.forEach(g.expr(), node -> {
                        if (node instanceof Expr.Column ref) {
                            int at = SelfReference.resolve(ref, name, names);
                            if (at >= 0 && columns.get(at).generated == Column.Generated.VIRTUAL) {
                                uses.add(at);
                            }
                        }
                    });
                }
            }
            inputs.add(uses);
            available[i] = columns.get(i).generated != Column.Generated.VIRTUAL;
        }
        ColumnDraft redo;
        boolean progress;
        do {
            redo = null;
            progress = false;
            for (int i = 0; i < columns.size(); i++) {
                if (available[i]) {
                    continue;
                }
                if (inputs.get(i).stream().allMatch(at -> available[at])) {
                    available[i] = true;
                    progress = true;
                } else {
                    redo = columns.get(i);
                }
            }
        } while (redo != null && progress);
        if (redo != null) {
            throw error("generated column loop on \"" + redo.name + "\"");
        }
    }

    private List<String> columnNames() {
        List<String> names = new ArrayList<>(columns.size());
        for (ColumnDraft c : columns) {
            names.add(c.name);
        }
        return names;
    }

    private int columnIndex(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (Identifiers.same(columns.get(i).name, column)) {
                return i;
            }
        }
        return -1;
    }

    static Conflict conflict(ConflictAction a) {
        if (a == null) {
            return Conflict.DEFAULT;
        }
        return switch (a) {
            case ROLLBACK -> Conflict.ROLLBACK;
            case ABORT -> Conflict.ABORT;
            case FAIL -> Conflict.FAIL;
            case IGNORE -> Conflict.IGNORE;
            case REPLACE -> Conflict.REPLACE;
        };
    }

    static SqliteException error(String message) {
        return new SqliteException(ResultCode.ERROR, message);
    }
}
