package io.turso4j.translate;

import io.turso4j.function.FunctionRegistry;
import io.turso4j.schema.Column;
import io.turso4j.schema.Index;
import io.turso4j.schema.IndexColumn;
import io.turso4j.schema.Schema;
import io.turso4j.schema.Table;
import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.Select;
import io.turso4j.sql.parser.Parser;
import io.turso4j.value.Affinity;
import io.turso4j.value.Collation;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;
import java.util.List;

/**
 * The entries of a table's indexes: how they compare, the code that builds one entry (the key
 * columns — table columns or indexed expressions — followed by the rowid) from a row held in
 * registers, and, for a partial index, the test that the row has an entry at all (its WHERE is
 * true for the row, as SQLite's sqlite3GenerateIndexKey with its pPartIdxLabel).
 *
 * <p>Index expressions and WHERE clauses are kept as SQL text in the schema; they are parsed
 * again here and compiled against the row's registers: column {@code i} of the table in
 * {@code row + i} (the rowid alias column holding the rowid). Stateless.
 */
final class IndexKeys {
    private IndexKeys() {
    }

    /** Compares entries of {@code index} field by field, the trailing rowid included. */
    static IndexKeyComparator comparator(Index index) {
        int n = index.columns().size();
        Collation[] collations = new Collation[n];
        boolean[] desc = new boolean[n];
        for (int i = 0; i < n; i++) {
            IndexColumn c = index.columns().get(i);
            collations[i] = c.collation() == null ? null : Collation.builtin(c.collation());
            desc[i] = c.desc();
        }
        return new IndexKeyComparator(collations, desc);
    }

    /**
     * Copies the entry's fields into {@code key…} from the row in {@code row…} (column i in
     * {@code row + i}) and its rowid in {@code rowid}; an indexed expression is computed.
     */
    static void build(ProgramBuilder b, Table table, Index index, int row, int rowid, int key) {
        ExprCodegen exprs = null;
        for (int i = 0; i < index.columns().size(); i++) {
            IndexColumn c = index.columns().get(i);
            if (c.column() == IndexColumn.EXPRESSION) {
                if (exprs == null) {
                    exprs = rowExprs(b, table, row);
                }
                exprs.code(parse(c.expressionSql()), key + i);
            } else {
                b.emit(Opcode.SCopy, c.column() == IndexColumn.ROWID ? rowid : row + c.column(), key + i);
            }
        }
    }

    /**
     * Starts coding the entry of a partial index: sets {@code entry} to NULL and jumps to the
     * label returned when the index's WHERE is not true for the row. The caller codes the
     * entry into {@code entry} and resolves the label after it; {@link #insert} then skips the
     * NULL. For an index that is not partial nothing is coded (the label still needs resolving).
     */
    static int skipUnlessIndexed(ProgramBuilder b, Table table, Index index, int row, int entry) {
        int skip = b.newLabel();
        if (index.isPartial()) {
            b.emit(Opcode.Null, 0, entry);
            rowExprs(b, table, row).jumpIfNotTrue(parse(index.whereSql()), skip);
        }
        return skip;
    }

    /** Inserts the record in {@code entry} into the index, unless {@link #skipUnlessIndexed} left it NULL. */
    static void insert(ProgramBuilder b, Index index, int cursor, int entry) {
        int skip = b.newLabel();
        if (index.isPartial()) {
            b.emit(Opcode.IsNull, entry, skip);
        }
        b.emit(Opcode.IdxInsert, cursor, entry);
        b.resolve(skip);
    }

    /** Deletes the row's entry from the index open on {@code cursor} (when a partial index has one). */
    static void delete(ProgramBuilder b, Table table, Index index, int cursor, int row, int rowid) {
        int skip = b.newLabel();
        if (index.isPartial()) {
            rowExprs(b, table, row).jumpIfNotTrue(parse(index.whereSql()), skip);
        }
        int key = b.allocRegisters(index.columns().size());
        build(b, table, index, row, rowid, key);
        b.emit(Opcode.IdxDelete, cursor, key, index.columns().size());
        b.resolve(skip);
    }

    /** Whether a UNIQUE failure on {@code index} names the index rather than its columns. */
    static boolean hasExpressions(Index index) {
        return index.keyColumns().stream().anyMatch(c -> c.column() == IndexColumn.EXPRESSION);
    }

    /** An expression compiler whose only names are the table's columns, read from {@code row…}. */
    static ExprCodegen rowExprs(ProgramBuilder b, Table table, int row) {
        SelectCodegen selects = new SelectCodegen(b, FunctionRegistry.builtins(), "", Schema.empty(0));
        List<String> names = table.columns().stream().map(Column::name).toList();
        List<Affinity> affinities = table.columns().stream().map(Column::affinity).toList();
        List<String> collations = table.columns().stream().map(Column::collation).toList();
        Scope.Source source = new Scope.Source(table.name(), names, row, affinities, collations);
        selects.exprs().pushScope(new Scope(null, List.of(source)));
        return selects.exprs();
    }

    /** Parses an expression kept as SQL text in the schema. */
    static Expr parse(String sql) {
        Select select = (Select) Parser.parse("SELECT " + sql);
        return ((Select.ExprColumn) ((Select.Core) select.body()).columns().getFirst()).expr();
    }
}
