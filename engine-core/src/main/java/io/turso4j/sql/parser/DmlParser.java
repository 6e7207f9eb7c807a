package io.turso4j.sql.parser;

import io.turso4j.sql.SqlSyntaxException;
import io.turso4j.sql.ast.ConflictAction;
import io.turso4j.sql.ast.Delete;
import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.Insert;
import io.turso4j.sql.ast.Name;
import io.turso4j.sql.ast.OrderingTerm;
import io.turso4j.sql.ast.Pos;
import io.turso4j.sql.ast.Select;
import io.turso4j.sql.ast.Update;
import io.turso4j.sql.lexer.TokenType;
import io.turso4j.sql.lexer.Tokens;
import java.util.ArrayList;
import java.util.List;

/**
 * INSERT, REPLACE, UPDATE and DELETE (lang_insert.html, lang_update.html,
 * lang_delete.html, lang_upsert.html, lang_returning.html).
 *
 * <p>With {@code inTrigger} set, applies the restrictions SQLite's grammar
 * places on statements inside a trigger body (unqualified target, no INDEXED BY).
 */
abstract class DmlParser extends SelectParser {
    DmlParser(Tokens tokens) {
        super(tokens);
    }

    /** At INSERT or REPLACE. */
    final Insert insert(Pos pos, Select.With with, boolean inTrigger) {
        ConflictAction orAction;
        if (accept(TokenType.REPLACE)) {
            orAction = ConflictAction.REPLACE;
        } else {
            expect(TokenType.INSERT);
            orAction = orConflictOpt();
        }
        expect(TokenType.INTO);
        Name table = targetName(inTrigger);
        String alias = accept(TokenType.AS) ? nm() : null;
        List<String> columns = at(TokenType.LP) ? nameList() : List.of();
        Select source = null;
        List<Insert.Upsert> upserts = List.of();
        if (accept(TokenType.DEFAULT)) {
            expect(TokenType.VALUES);
        } else {
            source = select();
            upserts = upserts();
        }
        return new Insert(pos, with, orAction, table, alias, columns, source, upserts, returningOpt());
    }

    private Name targetName(boolean inTrigger) {
        int start = p;
        String first = nm();
        if (!accept(TokenType.DOT)) {
            return Name.of(first);
        }
        if (inTrigger) {
            throw new SqlSyntaxException("qualified table names are not allowed on INSERT, UPDATE, "
                    + "and DELETE statements within triggers", tokens.start(start));
        }
        return new Name(first, nm());
    }

    /** {@code OR action}, or null. */
    private ConflictAction orConflictOpt() {
        return accept(TokenType.OR) ? conflictAction() : null;
    }

    /** SQLite's {@code resolvetype}: ROLLBACK, ABORT, FAIL, IGNORE or REPLACE. */
    final ConflictAction conflictAction() {
        ConflictAction a = switch (peek()) {
            case ROLLBACK -> ConflictAction.ROLLBACK;
            case ABORT -> ConflictAction.ABORT;
            case FAIL -> ConflictAction.FAIL;
            case IGNORE -> ConflictAction.IGNORE;
            case REPLACE -> ConflictAction.REPLACE;
            default -> throw error();
        };
        advance();
        return a;
    }

    private List<Insert.Upsert> upserts() {
        List<Insert.Upsert> list = new ArrayList<>(1);
        while (at(TokenType.ON) && at(TokenType.CONFLICT, 1)) {
            p += 2;
            List<OrderingTerm> target = List.of();
            Expr targetWhere = null;
            if (accept(TokenType.LP)) {
                target = orderingTerms();
                expect(TokenType.RP);
                targetWhere = accept(TokenType.WHERE) ? expr() : null;
            }
            expect(TokenType.DO);
            if (accept(TokenType.NOTHING)) {
                list.add(new Insert.Upsert(target, targetWhere, true, List.of(), null));
            } else {
                expect(TokenType.UPDATE);
                expect(TokenType.SET);
                List<Update.Set> sets = setList();
                Expr where = accept(TokenType.WHERE) ? expr() : null;
                list.add(new Insert.Upsert(target, targetWhere, false, sets, where));
            }
            if (target.isEmpty()) {
                break; // only the last ON CONFLICT may omit its target
            }
        }
        return List.copyOf(list);
    }

    final List<Select.ResultColumn> returningOpt() {
        return accept(TokenType.RETURNING) ? resultColumns() : List.of();
    }

    private List<Update.Set> setList() {
        List<Update.Set> sets = new ArrayList<>();
        do {
            boolean rowValue = at(TokenType.LP);
            List<String> columns = rowValue ? nameList() : List.of(nm());
            expect(TokenType.EQ);
            sets.add(new Update.Set(columns, expr(), rowValue));
        } while (accept(TokenType.COMMA));
        return List.copyOf(sets);
    }

    private Update.QualifiedTable qualifiedTable(boolean inTrigger) {
        Name name = targetName(inTrigger);
        String alias = accept(TokenType.AS) ? nm() : null;
        int at = p;
        String indexedBy = indexedByOpt();
        if (indexedBy != null && inTrigger) {
            String clause = indexedBy.isEmpty() ? "NOT INDEXED" : "INDEXED BY";
            throw new SqlSyntaxException("the " + clause + " clause is not allowed on UPDATE or DELETE "
                    + "statements within triggers", tokens.start(at));
        }
        return new Update.QualifiedTable(name, alias, indexedBy);
    }

    /** At UPDATE. */
    final Update update(Pos pos, Select.With with, boolean inTrigger) {
        expect(TokenType.UPDATE);
        ConflictAction orAction = orConflictOpt();
        Update.QualifiedTable table = qualifiedTable(inTrigger);
        expect(TokenType.SET);
        List<Update.Set> sets = setList();
        Select.From from = accept(TokenType.FROM) ? from() : null;
        Expr where = accept(TokenType.WHERE) ? expr() : null;
        List<Select.ResultColumn> returning = returningOpt();
        List<OrderingTerm> orderBy = orderByOpt();
        return new Update(pos, with, orAction, table, sets, from, where, returning, orderBy, limitOpt());
    }

    /** At DELETE. */
    final Delete delete(Pos pos, Select.With with, boolean inTrigger) {
        expect(TokenType.DELETE);
        expect(TokenType.FROM);
        Update.QualifiedTable table = qualifiedTable(inTrigger);
        Expr where = accept(TokenType.WHERE) ? expr() : null;
        List<Select.ResultColumn> returning = returningOpt();
        List<OrderingTerm> orderBy = orderByOpt();
        return new Delete(pos, with, table, where, returning, orderBy, limitOpt());
    }
}
