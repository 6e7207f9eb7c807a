package io.turso4j.translate.schema;

import io.turso4j.function.FunctionRegistry;
import io.turso4j.schema.Column;
import io.turso4j.schema.Conflict;
import io.turso4j.schema.Index;
import io.turso4j.schema.IndexColumn;
import io.turso4j.schema.Table;
import io.turso4j.sql.ast.CreateIndex;
import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.OrderingTerm;
import io.turso4j.sql.ast.SqlPrinter;
import io.turso4j.sql.lexer.Lexer;
import io.turso4j.sql.lexer.TokenType;
import io.turso4j.sql.lexer.Tokens;
import java.util.ArrayList;
import java.util.List;

/**
 * The index a CREATE INDEX makes on an existing table (sqlite3CreateIndex once its name checks
 * have passed): key columns with their collation (explicit, else the column's, else BINARY) and
 * order, then what identifies the row — the rowid, or the WITHOUT ROWID primary key's columns the
 * key lacks (with their collation and order). Stateless.
 */
final class IndexBuilder {
    private IndexBuilder() {
    }

    static Index build(Table table, CreateIndex stmt, String sql, SchemaBuilder.Mode mode) {
        List<String> names = new ArrayList<>();
        for (Column c : table.columns()) {
            names.add(c.name());
        }
        List<Expr> resolved = new ArrayList<>();
        for (OrderingTerm t : stmt.columns()) {
            resolved.add(SelfReference.indexTerm(t.expr(), table.name(), names));
        }
        if (stmt.where() != null) {
            SelfReference.check(stmt.where(), table.name(), names, SelfReference.Context.PARTIAL_INDEX,
                    table.hasRowid());
        }
        if (mode == SchemaBuilder.Mode.EXECUTE) {
            resolved.forEach(e -> checkFunctions(e, "index expressions"));
            if (stmt.where() != null) {
                checkFunctions(stmt.where(), "partial index WHERE clauses");
            }
        }
        List<IndexColumn> all = new ArrayList<>();
        for (int i = 0; i < stmt.columns().size(); i++) {
            OrderingTerm t = stmt.columns().get(i);
            Expr e = resolved.get(i);
            int column = IndexColumn.EXPRESSION;
            String exprSql = null;
            if (e instanceof Expr.Column c) {
                column = SelfReference.resolve(c, table.name(), names);
                if (column == -1) {
                    column = table.rowidAlias();
                }
            } else {
                exprSql = SqlPrinter.print(e);
            }
            String collation = null;
            if (t.expr() instanceof Expr.Collate c) {
                collation = c.collation();
                if (mode == SchemaBuilder.Mode.EXECUTE && !SchemaBuilder.isKnownCollation(collation)) {
                    throw TableBuilder.error("no such collation sequence: " + collation);
                }
            } else if (column >= 0) {
                collation = table.column(column).collation();
            }
            all.add(new IndexColumn(column, exprSql, collation != null ? collation : "BINARY",
                    t.order() == OrderingTerm.SortOrder.DESC));
        }
        int keyCount = all.size();
        Index pk = table.primaryKeyIndex();
        if (table.withoutRowid()) {
            List<IndexColumn> key = List.copyOf(all);
            for (IndexColumn c : pk.keyColumns()) {
                if (!WithoutRowid.isDuplicate(key, c)) {
                    all.add(c);
                }
            }
        } else {
            all.add(new IndexColumn(IndexColumn.ROWID, null, "BINARY", false));
        }
        return new Index(stmt.name().name(), table.name(), 0, sql, stmt.unique(), Index.Origin.CREATE,
                stmt.unique() ? Conflict.ABORT : Conflict.DEFAULT, all, keyCount,
                stmt.where() != null ? whereText(sql) : null);
    }

    /** Only known, deterministic functions may compute an index's entries (SQLite's NC_IdxExpr / NC_PartIdx). */
    private static void checkFunctions(Expr e, String where) {
        FunctionRegistry functions = FunctionRegistry.builtins();
        ExprScan.forEach(e, node -> {
            if (node instanceof Expr.Function f) {
                if (!functions.isKnown(f.name())) {
                    throw TableBuilder.error("no such function: " + f.name());
                }
                if (!functions.isDeterministic(f.name())) {
                    throw TableBuilder.error("non-deterministic functions prohibited in " + where);
                }
            }
        });
    }

    /** The source text after the WHERE of a CREATE INDEX, to the end of the statement. */
    private static String whereText(String sql) {
        Tokens t = Lexer.tokenize(sql);
        int depth = 0;
        for (int i = 0; i < t.size(); i++) {
            TokenType type = t.type(i);
            if (type == TokenType.LP) {
                depth++;
            } else if (type == TokenType.RP) {
                depth--;
            } else if (type == TokenType.WHERE && depth == 0) {
                int end = t.size() - 1;
                while (end > i + 1 && (t.type(end) == TokenType.EOF || t.type(end) == TokenType.SEMI)) {
                    end--;
                }
                return sql.substring(t.start(i + 1), t.end(end));
            }
        }
        return null;
    }
}
