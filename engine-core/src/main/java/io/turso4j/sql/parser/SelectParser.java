package io.turso4j.sql.parser;

import io.turso4j.sql.SqlSyntaxException;
import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.Name;
import io.turso4j.sql.ast.OrderingTerm;
import io.turso4j.sql.ast.Pos;
import io.turso4j.sql.ast.Select;
import io.turso4j.sql.ast.Window;
import io.turso4j.sql.lexer.TokenType;
import io.turso4j.sql.lexer.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SELECT: WITH, cores, VALUES, compounds, FROM and joins, ORDER BY, LIMIT,
 * window definitions (lang_select.html).
 *
 * <p>As in SQLite's grammar, ORDER BY and LIMIT belong to each SELECT core;
 * one written before UNION/INTERSECT/EXCEPT is an error, and the last core's
 * become the whole statement's. VALUES takes neither.
 */
abstract class SelectParser extends ExprParser {
    /** SQLITE_MAX_COMPOUND_SELECT's default: the most SELECTs one compound may chain. */
    static final int MAX_COMPOUND_TERMS = 500;

    SelectParser(Tokens tokens) {
        super(tokens);
    }

    @Override
    final Select select() {
        Pos pos = pos();
        Select.With with = at(TokenType.WITH) ? with() : null;
        return selectAfterWith(pos, with);
    }

    final Select.With with() {
        expect(TokenType.WITH);
        boolean recursive = accept(TokenType.RECURSIVE);
        List<Select.Cte> ctes = new ArrayList<>();
        do {
            String name = nm();
            List<String> columns = at(TokenType.LP) ? nameList() : List.of();
            expect(TokenType.AS);
            Select.Materialized materialized = null;
            if (accept(TokenType.MATERIALIZED)) {
                materialized = Select.Materialized.MATERIALIZED;
            } else if (at(TokenType.NOT) && at(TokenType.MATERIALIZED, 1)) {
                p += 2;
                materialized = Select.Materialized.NOT_MATERIALIZED;
            }
            expect(TokenType.LP);
            enter();
            Select s = select();
            expect(TokenType.RP);
            leave();
            ctes.add(new Select.Cte(name, columns, materialized, s));
        } while (accept(TokenType.COMMA));
        return new Select.With(recursive, List.copyOf(ctes));
    }

    /** {@code ( nm, … )}. */
    final List<String> nameList() {
        expect(TokenType.LP);
        List<String> names = new ArrayList<>(4);
        do {
            names.add(nm());
        } while (accept(TokenType.COMMA));
        expect(TokenType.RP);
        return List.copyOf(names);
    }

    final Select selectAfterWith(Pos pos, Select.With with) {
        Select.Body body = oneSelect();
        List<OrderingTerm> orderBy = List.of();
        Select.Limit limit = null;
        if (body instanceof Select.Core) {
            orderBy = orderByOpt();
            limit = limitOpt();
        }
        int terms = 1;
        while (true) {
            Select.CompoundOp op = compoundOp();
            if (op == null) {
                if (terms > MAX_COMPOUND_TERMS) {
                    throw error("too many terms in compound SELECT");
                }
                return new Select(pos, with, body, orderBy, limit);
            }
            terms++;
            Select.Body right = oneSelect();
            if (!orderBy.isEmpty() || limit != null) {
                String what = orderBy.isEmpty() ? "LIMIT" : "ORDER BY";
                throw error(what + " clause should come after " + opName(op) + " not before");
            }
            body = new Select.Compound(body, op, right);
            if (right instanceof Select.Core) {
                orderBy = orderByOpt();
                limit = limitOpt();
            }
        }
    }

    private static String opName(Select.CompoundOp op) {
        return switch (op) {
            case UNION -> "UNION";
            case UNION_ALL -> "UNION ALL";
            case INTERSECT -> "INTERSECT";
            case EXCEPT -> "EXCEPT";
        };
    }

    private Select.CompoundOp compoundOp() {
        if (accept(TokenType.UNION)) {
            return accept(TokenType.ALL) ? Select.CompoundOp.UNION_ALL : Select.CompoundOp.UNION;
        }
        if (accept(TokenType.INTERSECT)) {
            return Select.CompoundOp.INTERSECT;
        }
        if (accept(TokenType.EXCEPT)) {
            return Select.CompoundOp.EXCEPT;
        }
        return null;
    }

    private Select.Body oneSelect() {
        if (accept(TokenType.VALUES)) {
            List<List<Expr>> rows = new ArrayList<>();
            do {
                expect(TokenType.LP);
                rows.add(List.copyOf(exprList()));
                expect(TokenType.RP);
            } while (accept(TokenType.COMMA));
            return new Select.Values(List.copyOf(rows));
        }
        expect(TokenType.SELECT);
        boolean distinct = accept(TokenType.DISTINCT);
        if (!distinct) {
            accept(TokenType.ALL);
        }
        List<Select.ResultColumn> columns = resultColumns();
        Select.From from = accept(TokenType.FROM) ? from() : null;
        Expr where = accept(TokenType.WHERE) ? expr() : null;
        List<Expr> groupBy = List.of();
        if (accept(TokenType.GROUP)) {
            expect(TokenType.BY);
            groupBy = List.copyOf(exprList());
        }
        Expr having = accept(TokenType.HAVING) ? expr() : null;
        List<Window.Definition> windows = List.of();
        if (accept(TokenType.WINDOW)) {
            List<Window.Definition> defs = new ArrayList<>();
            do {
                String name = nm();
                expect(TokenType.AS);
                defs.add(new Window.Definition(name, windowSpec()));
            } while (accept(TokenType.COMMA));
            windows = List.copyOf(defs);
        }
        return new Select.Core(distinct, columns, from, where, groupBy, having, windows);
    }

    /** Result columns, also used by RETURNING. */
    final List<Select.ResultColumn> resultColumns() {
        List<Select.ResultColumn> columns = new ArrayList<>();
        do {
            if (accept(TokenType.STAR)) {
                columns.add(new Select.Star());
            } else if (isNm(peek()) && at(TokenType.DOT, 1) && at(TokenType.STAR, 2)) {
                columns.add(new Select.TableStar(name(p)));
                p += 3;
            } else {
                Expr e = expr();
                columns.add(new Select.ExprColumn(e, aliasOpt()));
            }
        } while (accept(TokenType.COMMA));
        return List.copyOf(columns);
    }

    /** SQLite's {@code as}: {@code AS nm}, a bare {@code ids}, or nothing. */
    final String aliasOpt() {
        if (accept(TokenType.AS)) {
            return nm();
        }
        return isIds(peek()) ? name(advance()) : null;
    }

    final List<OrderingTerm> orderByOpt() {
        if (!accept(TokenType.ORDER)) {
            return List.of();
        }
        expect(TokenType.BY);
        return orderingTerms();
    }

    @Override
    final List<OrderingTerm> orderingTerms() {
        List<OrderingTerm> terms = new ArrayList<>(2);
        int h = 0;
        do {
            Expr e = expr();
            h = Math.max(h, height);
            OrderingTerm.SortOrder order = accept(TokenType.ASC) ? OrderingTerm.SortOrder.ASC
                    : accept(TokenType.DESC) ? OrderingTerm.SortOrder.DESC : null;
            OrderingTerm.NullsOrder nulls = null;
            if (accept(TokenType.NULLS)) {
                if (accept(TokenType.FIRST)) {
                    nulls = OrderingTerm.NullsOrder.FIRST;
                } else {
                    expect(TokenType.LAST);
                    nulls = OrderingTerm.NullsOrder.LAST;
                }
            }
            terms.add(new OrderingTerm(e, order, nulls));
        } while (accept(TokenType.COMMA));
        height = h;
        return List.copyOf(terms);
    }

    final Select.Limit limitOpt() {
        if (!accept(TokenType.LIMIT)) {
            return null;
        }
        Expr first = expr();
        if (accept(TokenType.OFFSET)) {
            return new Select.Limit(first, expr());
        }
        if (accept(TokenType.COMMA)) {
            return new Select.Limit(expr(), first);
        }
        return new Select.Limit(first, null);
    }

    // ---- FROM ---------------------------------------------------------------

    final Select.From from() {
        TableRefWithConstraint first = tableRef();
        if (first.constraint != null) {
            throw error("a JOIN clause is required before " + (first.constraint instanceof Select.On ? "ON" : "USING"));
        }
        List<Select.Join> joins = new ArrayList<>();
        Select.JoinOp op;
        while ((op = joinOp()) != null) {
            TableRefWithConstraint next = tableRef();
            joins.add(new Select.Join(op, next.table, next.constraint));
        }
        return new Select.From(first.table, List.copyOf(joins));
    }

    private record TableRefWithConstraint(Select.TableRef table, Select.JoinConstraint constraint) {}

    private TableRefWithConstraint tableRef() {
        Select.TableRef ref;
        if (accept(TokenType.LP)) {
            enter();
            if (startsSelect()) {
                Select s = select();
                expect(TokenType.RP);
                ref = new Select.SubqueryTable(s, aliasOpt());
            } else {
                Select.From inner = from();
                expect(TokenType.RP);
                ref = new Select.Nested(inner, aliasOpt());
            }
            leave();
        } else {
            String first = nm();
            Name name = accept(TokenType.DOT) ? new Name(first, nm()) : Name.of(first);
            if (accept(TokenType.LP)) {
                enter();
                List<Expr> args = at(TokenType.RP) ? List.of() : List.copyOf(exprList());
                expect(TokenType.RP);
                leave();
                ref = new Select.TableFunction(name, args, aliasOpt());
            } else {
                String alias = aliasOpt();
                ref = new Select.Table(name, alias, indexedByOpt());
            }
        }
        Select.JoinConstraint constraint = null;
        if (accept(TokenType.ON)) {
            constraint = new Select.On(expr());
        } else if (accept(TokenType.USING)) {
            constraint = new Select.Using(nameList());
        }
        return new TableRefWithConstraint(ref, constraint);
    }

    /** {@code INDEXED BY nm} (its name), {@code NOT INDEXED} (""), or nothing (null). */
    final String indexedByOpt() {
        if (accept(TokenType.INDEXED)) {
            expect(TokenType.BY);
            return nm();
        }
        if (at(TokenType.NOT) && at(TokenType.INDEXED, 1)) {
            p += 2;
            return "";
        }
        return null;
    }

    private Select.JoinOp joinOp() {
        if (accept(TokenType.COMMA)) {
            return new Select.JoinOp(false, Select.JoinKind.COMMA);
        }
        if (accept(TokenType.JOIN)) {
            return new Select.JoinOp(false, Select.JoinKind.PLAIN);
        }
        if (peek().kind() != TokenType.Kind.JOIN) {
            return null;
        }
        int first = p;
        advance();
        int words = 1;
        while (words < 3 && !at(TokenType.JOIN)) {
            nm();
            words++;
        }
        expect(TokenType.JOIN);
        return joinType(first, words);
    }

    private static final int JT_INNER = 1, JT_CROSS = 2, JT_NATURAL = 4, JT_LEFT = 8, JT_RIGHT = 16,
            JT_OUTER = 32, JT_ERROR = 64;

    /** SQLite's sqlite3JoinType over the {@code words} tokens starting at {@code first}. */
    private Select.JoinOp joinType(int first, int words) {
        int flags = 0;
        for (int i = first; i < first + words; i++) {
            flags |= switch (text(i).toUpperCase(Locale.ROOT)) {
                case "INNER" -> JT_INNER;
                case "CROSS" -> JT_INNER | JT_CROSS;
                case "NATURAL" -> JT_NATURAL;
                case "LEFT" -> JT_LEFT | JT_OUTER;
                case "RIGHT" -> JT_RIGHT | JT_OUTER;
                case "OUTER" -> JT_OUTER;
                case "FULL" -> JT_LEFT | JT_RIGHT | JT_OUTER;
                default -> JT_ERROR;
            };
        }
        if ((flags & (JT_INNER | JT_OUTER)) == (JT_INNER | JT_OUTER) || (flags & JT_ERROR) != 0
                || (flags & (JT_OUTER | JT_LEFT | JT_RIGHT)) == JT_OUTER) {
            StringBuilder words1 = new StringBuilder();
            for (int i = first; i < first + words; i++) {
                words1.append(i == first ? "" : " ").append(text(i));
            }
            throw new SqlSyntaxException("unknown join type: " + words1, tokens.start(first));
        }
        Select.JoinKind kind;
        if ((flags & JT_LEFT) != 0 && (flags & JT_RIGHT) != 0) {
            kind = Select.JoinKind.FULL;
        } else if ((flags & JT_LEFT) != 0) {
            kind = Select.JoinKind.LEFT;
        } else if ((flags & JT_RIGHT) != 0) {
            kind = Select.JoinKind.RIGHT;
        } else if ((flags & JT_CROSS) != 0) {
            kind = Select.JoinKind.CROSS;
        } else if ((flags & JT_INNER) != 0) {
            kind = Select.JoinKind.INNER;
        } else {
            kind = Select.JoinKind.PLAIN;
        }
        return new Select.JoinOp((flags & JT_NATURAL) != 0, kind);
    }
}
