package io.turso4j.translate.schema;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.schema.Identifiers;
import io.turso4j.sql.ast.Expr;
import java.util.List;

/**
 * Checks that an expression stored with a table (CHECK, generated column, indexed expression,
 * partial-index WHERE) names only that table's columns, as SQLite's sqlite3ResolveSelfReference
 * does, failing with its message {@code no such column: x}. The rowid's names are accepted
 * except in an index key, where SQLite refuses them. An index key term that is a string literal
 * is read as a column name, as SQLite reads it. Stateless.
 */
final class SelfReference {
    private SelfReference() {
    }

    static void check(Expr e, String table, List<String> columns) {
        check(e, table, columns, true);
    }

    static void check(Expr e, String table, List<String> columns, boolean rowidAllowed) {
        ExprScan.forEach(e, node -> {
            if (node instanceof Expr.Column c && !resolves(c, table, columns, rowidAllowed)) {
                String name = c.table() == null ? c.column() : c.table() + "." + c.column();
                throw new SqliteException(ResultCode.ERROR, "no such column: " + name);
            }
        });
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

    private static boolean resolves(Expr.Column c, String table, List<String> columns, boolean rowidAllowed) {
        int at = resolve(c, table, columns);
        return at >= 0 || (at == -1 && rowidAllowed);
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
        check(e, table, columns, false);
        return e;
    }
}
