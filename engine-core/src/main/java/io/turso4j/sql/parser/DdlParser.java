package io.turso4j.sql.parser;

import io.turso4j.sql.SqlSyntaxException;
import io.turso4j.sql.ast.ConflictAction;
import io.turso4j.sql.ast.CreateIndex;
import io.turso4j.sql.ast.CreateTable;
import io.turso4j.sql.ast.CreateTable.ColumnConstraint;
import io.turso4j.sql.ast.CreateTable.TableConstraint;
import io.turso4j.sql.ast.CreateTrigger;
import io.turso4j.sql.ast.CreateView;
import io.turso4j.sql.ast.CreateVirtualTable;
import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.Name;
import io.turso4j.sql.ast.OrderingTerm;
import io.turso4j.sql.ast.Pos;
import io.turso4j.sql.ast.Stmt;
import io.turso4j.sql.ast.TypeName;
import io.turso4j.sql.lexer.TokenType;
import io.turso4j.sql.lexer.Tokens;
import java.util.ArrayList;
import java.util.List;

/**
 * CREATE TABLE / INDEX / VIEW / TRIGGER / VIRTUAL TABLE, DROP and ALTER TABLE
 * (lang_createtable.html and its siblings).
 */
abstract class DdlParser extends DmlParser {
    DdlParser(Tokens tokens) {
        super(tokens);
    }

    /** One statement of a trigger body: INSERT, REPLACE, UPDATE, DELETE or SELECT. */
    abstract Stmt triggerCommand();

    /** At CREATE. */
    final Stmt create(Pos pos) {
        expect(TokenType.CREATE);
        boolean temp = accept(TokenType.TEMP) || accept(TokenType.TEMPORARY);
        if (!temp) {
            if (accept(TokenType.UNIQUE)) {
                expect(TokenType.INDEX);
                return createIndex(pos, true);
            }
            if (accept(TokenType.INDEX)) {
                return createIndex(pos, false);
            }
            if (accept(TokenType.VIRTUAL)) {
                expect(TokenType.TABLE);
                return createVirtualTable(pos);
            }
        }
        TokenType t = peek();
        advance();
        return switch (t) {
            case TABLE -> createTable(pos, temp);
            case VIEW -> createView(pos, temp);
            case TRIGGER -> createTrigger(pos, temp);
            default -> throw errorAt(p - 1);
        };
    }

    private boolean ifNotExists() {
        if (!accept(TokenType.IF)) {
            return false;
        }
        expect(TokenType.NOT);
        expect(TokenType.EXISTS);
        return true;
    }

    private boolean ifExists() {
        if (!accept(TokenType.IF)) {
            return false;
        }
        expect(TokenType.EXISTS);
        return true;
    }

    /** {@code nm [. nm]}. */
    final Name fullName() {
        String first = nm();
        return accept(TokenType.DOT) ? new Name(first, nm()) : Name.of(first);
    }

    private Stmt createTable(Pos pos, boolean temp) {
        boolean ifNotExists = ifNotExists();
        Name name = fullName();
        if (accept(TokenType.AS)) {
            return new CreateTable(pos, temp, ifNotExists, name, List.of(), List.of(), false, false, select());
        }
        expect(TokenType.LP);
        List<CreateTable.ColumnDef> columns = new ArrayList<>();
        List<TableConstraint> constraints = new ArrayList<>();
        columns.add(columnDef());
        while (accept(TokenType.COMMA)) {
            if (startsTableConstraint()) {
                do {
                    constraints.add(tableConstraint());
                    accept(TokenType.COMMA);
                } while (!at(TokenType.RP));
                break;
            }
            columns.add(columnDef());
        }
        expect(TokenType.RP);
        boolean withoutRowid = false;
        boolean strict = false;
        if (isNm(peek())) {
            do {
                int at = p;
                if (accept(TokenType.WITHOUT)) {
                    String option = nm();
                    if (!option.equalsIgnoreCase("rowid")) {
                        throw new SqlSyntaxException("unknown table option: " + option, tokens.start(at));
                    }
                    withoutRowid = true;
                } else {
                    String option = nm();
                    if (!option.equalsIgnoreCase("strict")) {
                        throw new SqlSyntaxException("unknown table option: " + option, tokens.start(at));
                    }
                    strict = true;
                }
            } while (accept(TokenType.COMMA));
        }
        return new CreateTable(pos, temp, ifNotExists, name, List.copyOf(columns), List.copyOf(constraints),
                withoutRowid, strict, null);
    }

    private boolean startsTableConstraint() {
        return switch (peek()) {
            case CONSTRAINT, PRIMARY, UNIQUE, CHECK, FOREIGN -> true;
            default -> false;
        };
    }

    /** {@code nm [type] constraints…}; also used by ALTER TABLE ADD COLUMN. */
    final CreateTable.ColumnDef columnDef() {
        String name = nm();
        TypeName type = withoutGeneratedAlways(typeName());
        List<ColumnConstraint> constraints = new ArrayList<>(2);
        ColumnConstraint c;
        while ((c = columnConstraint(name)) != null) {
            constraints.add(c);
        }
        return new CreateTable.ColumnDef(name, type, List.copyOf(constraints));
    }

    /**
     * SQLite reads {@code GENERATED ALWAYS} before {@code AS (…)} as type words and
     * then drops them from the type (sqlite3AddColumn); so do we.
     */
    private static TypeName withoutGeneratedAlways(TypeName type) {
        if (type == null || !type.args().isEmpty()) {
            return type;
        }
        String n = type.name();
        String suffix = "GENERATED ALWAYS";
        if (n.length() < suffix.length() || !n.regionMatches(true, n.length() - suffix.length(), suffix, 0, suffix.length())) {
            return type;
        }
        String rest = n.substring(0, n.length() - suffix.length()).trim();
        return rest.isEmpty() ? null : new TypeName(rest, List.of());
    }

    private ColumnConstraint columnConstraint(String column) {
        switch (peek()) {
            case CONSTRAINT:
                advance();
                return new CreateTable.Named(nm());
            case DEFAULT:
                advance();
                return new CreateTable.Default(defaultValue());
            case NULL:
                advance();
                return new CreateTable.Nullable(onConflictOpt());
            case NOT:
                if (at(TokenType.DEFERRABLE, 1)) {
                    // A deferrable clause that does not follow REFERENCES: SQLite applies it
                    // to the previous foreign key of the table, if any; it carries no other meaning.
                    deferrableOpt();
                    return columnConstraint(column);
                }
                advance();
                expect(TokenType.NULL);
                return new CreateTable.NotNull(onConflictOpt());
            case DEFERRABLE:
                deferrableOpt();
                return columnConstraint(column);
            case PRIMARY: {
                advance();
                expect(TokenType.KEY);
                OrderingTerm.SortOrder order = accept(TokenType.ASC) ? OrderingTerm.SortOrder.ASC
                        : accept(TokenType.DESC) ? OrderingTerm.SortOrder.DESC : null;
                ConflictAction onConflict = onConflictOpt();
                return new CreateTable.PrimaryKey(order, onConflict, accept(TokenType.AUTOINCREMENT));
            }
            case UNIQUE:
                advance();
                return new CreateTable.Unique(onConflictOpt());
            case CHECK:
                advance();
                return new CreateTable.Check(parenthesizedExpr());
            case REFERENCES:
                advance();
                return new CreateTable.References(foreignKeyClause());
            case COLLATE:
                advance();
                return new CreateTable.Collate(ids());
            case GENERATED:
                advance();
                expect(TokenType.ALWAYS);
                expect(TokenType.AS);
                return generated(column);
            case AS:
                advance();
                return generated(column);
            default:
                return null;
        }
    }

    private Expr parenthesizedExpr() {
        expect(TokenType.LP);
        enter();
        Expr e = expr();
        expect(TokenType.RP);
        leave();
        return e;
    }

    private ColumnConstraint generated(String column) {
        Expr e = parenthesizedExpr();
        CreateTable.Storage storage = null;
        if (isIds(peek()) && peek() != TokenType.STRING) {
            String word = text(p);
            if (word.equalsIgnoreCase("stored")) {
                storage = CreateTable.Storage.STORED;
            } else if (word.equalsIgnoreCase("virtual")) {
                storage = CreateTable.Storage.VIRTUAL;
            } else {
                throw error("error in generated column \"" + column + "\"");
            }
            advance();
        }
        return new CreateTable.Generated(e, storage);
    }

    /** SQLite's DEFAULT forms: {@code (expr)}, a literal, {@code +term}, {@code -term}, or an id. */
    private Expr defaultValue() {
        Pos pos = pos();
        TokenType t = peek();
        if (t == TokenType.LP) {
            return parenthesizedExpr();
        }
        if (t == TokenType.PLUS || t == TokenType.MINUS) {
            advance();
            Expr term = defaultTerm();
            if (term == null) {
                throw error();
            }
            return new Expr.Unary(pos, t == TokenType.PLUS ? Expr.UnaryOp.PLUS : Expr.UnaryOp.NEGATE, term);
        }
        Expr term = defaultTerm();
        if (term != null) {
            return term;
        }
        if (isId(t)) {
            return new Expr.Column(pos, null, null, name(advance()));
        }
        throw error();
    }

    private Expr defaultTerm() {
        return switch (peek()) {
            case NULL, FLOAT, BLOB, STRING, INTEGER, CURRENT_TIME, CURRENT_DATE, CURRENT_TIMESTAMP -> expr(UNARY);
            default -> null;
        };
    }

    private ConflictAction onConflictOpt() {
        if (at(TokenType.ON) && at(TokenType.CONFLICT, 1)) {
            p += 2;
            return conflictAction();
        }
        return null;
    }

    private CreateTable.ForeignKey foreignKeyClause() {
        String table = nm();
        List<String> columns = at(TokenType.LP) ? nameList() : List.of();
        List<CreateTable.FkRule> rules = new ArrayList<>();
        while (true) {
            if (accept(TokenType.MATCH)) {
                rules.add(new CreateTable.FkRule(null, null, nm()));
            } else if (at(TokenType.ON) && (at(TokenType.DELETE, 1) || at(TokenType.UPDATE, 1))) {
                advance();
                CreateTable.FkEvent event = accept(TokenType.DELETE) ? CreateTable.FkEvent.DELETE
                        : updateThen(CreateTable.FkEvent.UPDATE);
                rules.add(new CreateTable.FkRule(event, fkAction(), null));
            } else {
                break;
            }
        }
        return new CreateTable.ForeignKey(table, columns, List.copyOf(rules), deferrableOpt());
    }

    private CreateTable.FkEvent updateThen(CreateTable.FkEvent event) {
        expect(TokenType.UPDATE);
        return event;
    }

    private CreateTable.FkAction fkAction() {
        if (accept(TokenType.SET)) {
            if (accept(TokenType.NULL)) {
                return CreateTable.FkAction.SET_NULL;
            }
            expect(TokenType.DEFAULT);
            return CreateTable.FkAction.SET_DEFAULT;
        }
        if (accept(TokenType.CASCADE)) {
            return CreateTable.FkAction.CASCADE;
        }
        if (accept(TokenType.RESTRICT)) {
            return CreateTable.FkAction.RESTRICT;
        }
        expect(TokenType.NO);
        expect(TokenType.ACTION);
        return CreateTable.FkAction.NO_ACTION;
    }

    private CreateTable.Deferrable deferrableOpt() {
        boolean not = false;
        if (at(TokenType.NOT) && at(TokenType.DEFERRABLE, 1)) {
            advance();
            not = true;
        }
        if (!accept(TokenType.DEFERRABLE)) {
            return null;
        }
        CreateTable.Initially initially = null;
        if (accept(TokenType.INITIALLY)) {
            if (accept(TokenType.DEFERRED)) {
                initially = CreateTable.Initially.DEFERRED;
            } else {
                expect(TokenType.IMMEDIATE);
                initially = CreateTable.Initially.IMMEDIATE;
            }
        }
        return new CreateTable.Deferrable(not, initially);
    }

    private TableConstraint tableConstraint() {
        TokenType t = peek();
        advance();
        switch (t) {
            case CONSTRAINT:
                return new CreateTable.Named(nm());
            case PRIMARY: {
                expect(TokenType.KEY);
                expect(TokenType.LP);
                List<OrderingTerm> columns = orderingTerms();
                boolean autoincrement = accept(TokenType.AUTOINCREMENT);
                expect(TokenType.RP);
                return new CreateTable.PrimaryKeyTable(columns, autoincrement, onConflictOpt());
            }
            case UNIQUE: {
                expect(TokenType.LP);
                List<OrderingTerm> columns = orderingTerms();
                expect(TokenType.RP);
                return new CreateTable.UniqueTable(columns, onConflictOpt());
            }
            case CHECK: {
                Expr e = parenthesizedExpr();
                onConflictOpt(); // accepted and ignored, as by SQLite
                return new CreateTable.Check(e);
            }
            case FOREIGN: {
                expect(TokenType.KEY);
                List<String> columns = nameList();
                expect(TokenType.REFERENCES);
                return new CreateTable.ForeignKeyTable(columns, foreignKeyClause());
            }
            default:
                throw errorAt(p - 1);
        }
    }

    private Stmt createIndex(Pos pos, boolean unique) {
        boolean ifNotExists = ifNotExists();
        Name name = fullName();
        expect(TokenType.ON);
        String table = nm();
        expect(TokenType.LP);
        List<OrderingTerm> columns = orderingTerms();
        expect(TokenType.RP);
        Expr where = accept(TokenType.WHERE) ? expr() : null;
        return new CreateIndex(pos, unique, ifNotExists, name, table, columns, where);
    }

    private Stmt createView(Pos pos, boolean temp) {
        boolean ifNotExists = ifNotExists();
        Name name = fullName();
        List<String> columns = at(TokenType.LP) ? nameList() : List.of();
        expect(TokenType.AS);
        return new CreateView(pos, temp, ifNotExists, name, columns, select());
    }

    private Stmt createTrigger(Pos pos, boolean temp) {
        boolean ifNotExists = ifNotExists();
        Name name = fullName();
        CreateTrigger.Time time = null;
        if (accept(TokenType.BEFORE)) {
            time = CreateTrigger.Time.BEFORE;
        } else if (accept(TokenType.AFTER)) {
            time = CreateTrigger.Time.AFTER;
        } else if (accept(TokenType.INSTEAD)) {
            expect(TokenType.OF);
            time = CreateTrigger.Time.INSTEAD_OF;
        }
        CreateTrigger.Event event;
        List<String> updateOf = List.of();
        if (accept(TokenType.DELETE)) {
            event = CreateTrigger.Event.DELETE;
        } else if (accept(TokenType.INSERT)) {
            event = CreateTrigger.Event.INSERT;
        } else {
            expect(TokenType.UPDATE);
            event = CreateTrigger.Event.UPDATE;
            if (accept(TokenType.OF)) {
                List<String> cols = new ArrayList<>();
                do {
                    cols.add(nm());
                } while (accept(TokenType.COMMA));
                updateOf = List.copyOf(cols);
            }
        }
        expect(TokenType.ON);
        Name table = fullName();
        boolean forEachRow = false;
        if (accept(TokenType.FOR)) {
            expect(TokenType.EACH);
            expect(TokenType.ROW);
            forEachRow = true;
        }
        Expr when = accept(TokenType.WHEN) ? expr() : null;
        expect(TokenType.BEGIN);
        List<Stmt> body = new ArrayList<>();
        do {
            body.add(triggerCommand());
            expect(TokenType.SEMI);
        } while (!accept(TokenType.END));
        return new CreateTrigger(pos, temp, ifNotExists, name, time, event, updateOf, table, forEachRow, when,
                List.copyOf(body));
    }

    private Stmt createVirtualTable(Pos pos) {
        boolean ifNotExists = ifNotExists();
        Name name = fullName();
        expect(TokenType.USING);
        String module = nm();
        List<String> args = null;
        if (accept(TokenType.LP)) {
            args = new ArrayList<>();
            int argStart = -1;
            int argEnd = -1;
            int depth = 0;
            while (true) {
                TokenType t = peek();
                if (t == TokenType.EOF || t == TokenType.ILLEGAL) {
                    throw error();
                }
                if (depth == 0 && (t == TokenType.COMMA || t == TokenType.RP)) {
                    if (argStart >= 0) {
                        args.add(sql.substring(argStart, argEnd));
                    }
                    argStart = -1;
                    advance();
                    if (t == TokenType.RP) {
                        break;
                    }
                    continue;
                }
                depth += t == TokenType.LP ? 1 : t == TokenType.RP ? -1 : 0;
                if (argStart < 0) {
                    argStart = tokens.start(p);
                }
                argEnd = tokens.end(p);
                advance();
            }
            args = List.copyOf(args);
        }
        return new CreateVirtualTable(pos, ifNotExists, name, module, args);
    }

    /** At DROP. */
    final Stmt drop(Pos pos) {
        expect(TokenType.DROP);
        Stmt.ObjectKind kind = switch (peek()) {
            case TABLE -> Stmt.ObjectKind.TABLE;
            case INDEX -> Stmt.ObjectKind.INDEX;
            case VIEW -> Stmt.ObjectKind.VIEW;
            case TRIGGER -> Stmt.ObjectKind.TRIGGER;
            default -> throw error();
        };
        advance();
        boolean ifExists = ifExists();
        return new Stmt.Drop(pos, kind, ifExists, fullName());
    }

    /** At ALTER. */
    final Stmt alter(Pos pos) {
        expect(TokenType.ALTER);
        expect(TokenType.TABLE);
        Name table = fullName();
        Stmt.AlterAction action;
        if (accept(TokenType.RENAME)) {
            if (accept(TokenType.TO)) {
                action = new Stmt.RenameTable(nm());
            } else {
                accept(TokenType.COLUMN);
                int at = p;
                String old = nm();
                expect(TokenType.TO);
                action = new Stmt.RenameColumn(old, nm(), text(at));
            }
        } else if (accept(TokenType.ADD)) {
            accept(TokenType.COLUMN);
            action = new Stmt.AddColumn(columnDef());
        } else {
            expect(TokenType.DROP);
            accept(TokenType.COLUMN);
            int at = p;
            action = new Stmt.DropColumn(nm(), text(at));
        }
        return new Stmt.AlterTable(pos, table, action);
    }
}
