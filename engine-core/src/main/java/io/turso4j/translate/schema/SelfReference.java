package io.turso4j.translate.schema;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.schema.Identifiers;
import io.turso4j.sql.ast.Expr;
import java.util.List;

/**
 * Checks an expression stored with a table (CHECK, generated column, index key, partial-index
 * WHERE) as SQLite's sqlite3ResolveSelfReference does: it may name only that table's columns
 * ({@code no such column: x}) and may hold no subquery or bound parameter
 * ({@code subqueries prohibited in CHECK constraints}, …). Nodes are checked parent first, left
 * to right, and the first problem is reported, as SQLite's walk does. The rowid's names are
 * accepted in CHECK constraints and partial-index WHERE clauses of rowid tables (and, while
 * names are first resolved, in generated columns, which SQLite refuses them only later). Stateless.
 */
final class SelfReference {
    private SelfReference() {
    }

    /** Where the expression sits: SQLite names it in its messages. */
    enum Context {
        CHECK("CHECK constraints", true),
        GENERATED("generated columns", true),
        INDEX_KEY("index expressions", false),
        PARTIAL_INDEX("partial index WHERE clauses", true);

        final String label;
        final boolean rowidAllowed;

        Context(String label, boolean rowidAllowed) {
            this.label = label;
            this.rowidAllowed = rowidAllowed;
        }
    }

    /** Checks {@code e}; {@code hasRowid} is false for a WITHOUT ROWID table, which has no rowid to name. */
    static void check(Expr e, String table, List<String> columns, Context context, boolean hasRowid) {
        ExprScan.forEach(e, node -> {
            switch (node) {
                case Expr.Column c -> {
                    int at = resolve(c, table, columns);
                    if (at == -2 || (at == -1 && !(context.rowidAllowed && hasRowid) && !isTrueFalse(c))) {
                        String name = c.table() == null ? c.column() : c.table() + "." + c.column();
                        throw new SqliteException(ResultCode.ERROR, "no such column: " + name);
                    }
                }
                case Expr.Subquery s -> throw prohibited("subqueries", context);
                case Expr.Exists x -> throw prohibited("subqueries", context);
                case Expr.InSelect i -> throw prohibited("subqueries", context);
                case Expr.Variable v -> throw prohibited("parameters", context);
                default -> {
                }
            }
        });
    }

    private static SqliteException prohibited(String what, Context context) {
        return new SqliteException(ResultCode.ERROR, what + " prohibited in " + context.label);
    }

    private static boolean isTrueFalse(Expr.Column c) {
        return c.table() == null && (Identifiers.same(c.column(), "true") || Identifiers.same(c.column(), "false"));
    }

    /** The position of the column {@code c} names, -1 if it names the rowid (or true/false), -2 if nothing. */
    static int resolve(Expr.Column c, String table, List<String> columns) {
        if (c.table() != null && !Identifiers.same(c.table(), table)) {
            return -2;
        }
        for (int i = 0; i < columns.size(); i++) {
            if (Identifiers.same(columns.get(i), c.column())) {
                return i;
            }
        }
        String n = c.column();
        if (Identifiers.same(n, "rowid") || Identifiers.same(n, "oid") || Identifiers.same(n, "_rowid_")) {
            return -1;
        }
        if (c.table() == null && (Identifiers.same(n, "true") || Identifiers.same(n, "false"))) {
            return -1;
        }
        return -2;
    }

    /**
     * An index key term with COLLATE stripped, a string literal read as the column name it
     * spells; checked to name only columns of the table.
     */
    static Expr indexTerm(Expr term, String table, List<String> columns) {
        Expr e = ExprScan.skipCollate(term);
        if (e instanceof Expr.Literal l && l.kind() == Expr.LiteralKind.STRING) {
            e = new Expr.Column(l.pos(), null, null, l.text());
        }
        check(e, table, columns, Context.INDEX_KEY, false);
        return e;
    }
}
