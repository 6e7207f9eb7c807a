package io.turso4j.sql.parser;

import io.turso4j.sql.SqlSyntaxException;
import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.Name;
import io.turso4j.sql.ast.Pos;
import io.turso4j.sql.ast.Select;
import io.turso4j.sql.ast.Stmt;
import io.turso4j.sql.lexer.Lexer;
import io.turso4j.sql.lexer.TokenType;
import java.util.ArrayList;
import java.util.List;

/**
 * SQLite's parser (parse.y) as recursive descent: SQL text in, one
 * {@link Stmt} at a time out, like {@code sqlite3_prepare}'s loop over a script.
 *
 * <pre>
 *   Parser p = new Parser(sql);
 *   for (Stmt s; (s = p.next()) != null; ) { … }   // p.offset() = where the rest begins
 * </pre>
 *
 * Errors throw {@link SqlSyntaxException} with SQLite's message. Not
 * thread-safe; a parser is cheap, so make one per text.
 */
public final class Parser extends DdlParser {
    public Parser(String sql) {
        super(Lexer.tokenize(sql));
    }

    /** The first statement of {@code sql}, or null if it holds none; any later statements are not parsed. */
    public static Stmt parse(String sql) {
        return new Parser(sql).next();
    }

    /** Every statement of {@code sql}, in order. */
    public static List<Stmt> parseAll(String sql) {
        Parser parser = new Parser(sql);
        List<Stmt> out = new ArrayList<>();
        for (Stmt s; (s = parser.next()) != null; ) {
            out.add(s);
        }
        return out;
    }

    /**
     * Parses the next statement and the {@code ;} after it (if any); skips empty
     * statements. Returns null at the end of the text.
     */
    public Stmt next() {
        while (accept(TokenType.SEMI)) {
            // empty statement
        }
        if (at(TokenType.EOF)) {
            return null;
        }
        Stmt s = statement();
        if (!at(TokenType.EOF)) {
            expect(TokenType.SEMI);
        }
        return s;
    }

    /** Offset in the text where the unparsed remainder begins. */
    public int offset() {
        return tokens.start(p);
    }

    private Stmt statement() {
        Pos pos = pos();
        if (accept(TokenType.EXPLAIN)) {
            boolean queryPlan = false;
            if (accept(TokenType.QUERY)) {
                expect(TokenType.PLAN);
                queryPlan = true;
            }
            return new Stmt.Explain(pos, queryPlan, command());
        }
        return command();
    }

    private Stmt command() {
        Pos pos = pos();
        return switch (peek()) {
            case SELECT, VALUES -> select();
            case WITH -> withStatement(pos);
            case INSERT, REPLACE -> insert(pos, null, false);
            case UPDATE -> update(pos, null, false);
            case DELETE -> delete(pos, null, false);
            case CREATE -> create(pos);
            case DROP -> drop(pos);
            case ALTER -> alter(pos);
            case BEGIN -> begin(pos);
            case COMMIT, END -> {
                advance();
                transactionOpt();
                yield new Stmt.Commit(pos);
            }
            case ROLLBACK -> rollback(pos);
            case SAVEPOINT -> {
                advance();
                yield new Stmt.Savepoint(pos, nm());
            }
            case RELEASE -> {
                advance();
                accept(TokenType.SAVEPOINT);
                yield new Stmt.Release(pos, nm());
            }
            case PRAGMA -> pragma(pos);
            case ATTACH -> attach(pos);
            case DETACH -> {
                advance();
                accept(TokenType.DATABASE);
                yield new Stmt.Detach(pos, expr());
            }
            case ANALYZE -> {
                advance();
                yield new Stmt.Analyze(pos, isNm(peek()) ? fullName() : null);
            }
            case REINDEX -> {
                advance();
                yield new Stmt.Reindex(pos, isNm(peek()) ? fullName() : null);
            }
            case VACUUM -> {
                advance();
                String schema = isNm(peek()) ? nm() : null;
                yield new Stmt.Vacuum(pos, schema, accept(TokenType.INTO) ? expr() : null);
            }
            default -> throw error();
        };
    }

    private Stmt withStatement(Pos pos) {
        Select.With with = with();
        return switch (peek()) {
            case INSERT, REPLACE -> insert(pos, with, false);
            case UPDATE -> update(pos, with, false);
            case DELETE -> delete(pos, with, false);
            default -> selectAfterWith(pos, with);
        };
    }

    @Override
    Stmt triggerCommand() {
        Pos pos = pos();
        return switch (peek()) {
            case INSERT, REPLACE -> insert(pos, null, true);
            case UPDATE -> update(pos, null, true);
            case DELETE -> delete(pos, null, true);
            default -> select();
        };
    }

    private void transactionOpt() {
        if (accept(TokenType.TRANSACTION) && isNm(peek())) {
            advance();
        }
    }

    private Stmt begin(Pos pos) {
        advance();
        Stmt.TransactionKind kind = null;
        if (accept(TokenType.DEFERRED)) {
            kind = Stmt.TransactionKind.DEFERRED;
        } else if (accept(TokenType.IMMEDIATE)) {
            kind = Stmt.TransactionKind.IMMEDIATE;
        } else if (accept(TokenType.EXCLUSIVE)) {
            kind = Stmt.TransactionKind.EXCLUSIVE;
        } else if (atWord("concurrent")) {
            advance();
            kind = Stmt.TransactionKind.CONCURRENT;
        }
        transactionOpt();
        return new Stmt.Begin(pos, kind);
    }

    private Stmt rollback(Pos pos) {
        advance();
        transactionOpt();
        String savepoint = null;
        if (accept(TokenType.TO)) {
            accept(TokenType.SAVEPOINT);
            savepoint = nm();
        }
        return new Stmt.Rollback(pos, savepoint);
    }

    private Stmt pragma(Pos pos) {
        advance();
        Name name = fullName();
        if (accept(TokenType.EQ)) {
            return new Stmt.Pragma(pos, name, pragmaValue(), false);
        }
        if (accept(TokenType.LP)) {
            String value = pragmaValue();
            expect(TokenType.RP);
            return new Stmt.Pragma(pos, name, value, true);
        }
        return new Stmt.Pragma(pos, name, null, false);
    }

    /** SQLite's {@code nmnum} or {@code minus_num}: a signed number, a name, ON, DELETE or DEFAULT. */
    private String pragmaValue() {
        TokenType t = peek();
        if (t == TokenType.PLUS || t == TokenType.MINUS || t == TokenType.INTEGER || t == TokenType.FLOAT) {
            String n = signedNumber();
            return n.startsWith("+") ? n.substring(1) : n;
        }
        if (t == TokenType.ON || t == TokenType.DELETE || t == TokenType.DEFAULT) {
            return text(advance());
        }
        return nm();
    }

    private Stmt attach(Pos pos) {
        advance();
        accept(TokenType.DATABASE);
        Expr file = expr();
        expect(TokenType.AS);
        Expr schema = expr();
        Expr key = accept(TokenType.KEY) ? expr() : null;
        return new Stmt.Attach(pos, file, schema, key);
    }
}
