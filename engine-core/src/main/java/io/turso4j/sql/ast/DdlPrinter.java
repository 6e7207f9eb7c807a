package io.turso4j.sql.ast;

import java.util.List;

/**
 * The schema-statement part of {@link SqlPrinter}: CREATE TABLE / INDEX / VIEW /
 * VIRTUAL TABLE and ALTER TABLE, written into the printer's buffer.
 * One instance per statement; not thread-safe.
 */
final class DdlPrinter {
    private final SqlPrinter p;
    private final StringBuilder out;

    DdlPrinter(SqlPrinter p) {
        this.p = p;
        this.out = p.out;
    }

    private void createPrefix(String what, boolean temp, boolean ifNotExists, Name name) {
        out.append(temp ? "CREATE TEMP " : "CREATE ").append(what).append(' ');
        if (ifNotExists) {
            out.append("IF NOT EXISTS ");
        }
        p.qualified(name);
    }

    void createTable(CreateTable c) {
        createPrefix("TABLE", c.temp(), c.ifNotExists(), c.name());
        if (c.asSelect() != null) {
            out.append(" AS ");
            p.select(c.asSelect());
            return;
        }
        out.append(" (");
        for (int i = 0; i < c.columns().size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            columnDef(c.columns().get(i));
        }
        for (CreateTable.TableConstraint tc : c.constraints()) {
            out.append(", ");
            tableConstraint(tc);
        }
        out.append(')');
        if (c.withoutRowid()) {
            out.append(" WITHOUT ROWID");
        }
        if (c.strict()) {
            out.append(c.withoutRowid() ? ", STRICT" : " STRICT");
        }
    }

    void columnDef(CreateTable.ColumnDef d) {
        p.name(d.name());
        if (d.type() != null) {
            out.append(' ');
            p.typeName(d.type());
        }
        for (CreateTable.ColumnConstraint c : d.constraints()) {
            out.append(' ');
            columnConstraint(c);
        }
    }

    private void columnConstraint(CreateTable.ColumnConstraint c) {
        switch (c) {
            case CreateTable.Named n -> named(n);
            case CreateTable.PrimaryKey pk -> {
                out.append("PRIMARY KEY");
                if (pk.order() != null) {
                    out.append(' ').append(pk.order().name());
                }
                onConflict(pk.onConflict());
                if (pk.autoincrement()) {
                    out.append(" AUTOINCREMENT");
                }
            }
            case CreateTable.NotNull n -> {
                out.append("NOT NULL");
                onConflict(n.onConflict());
            }
            case CreateTable.Nullable n -> {
                out.append("NULL");
                onConflict(n.onConflict());
            }
            case CreateTable.Unique u -> {
                out.append("UNIQUE");
                onConflict(u.onConflict());
            }
            case CreateTable.Check ch -> check(ch);
            case CreateTable.Default d -> {
                out.append("DEFAULT ");
                defaultValue(d.value());
            }
            case CreateTable.Collate co -> {
                out.append("COLLATE ");
                p.name(co.collation());
            }
            case CreateTable.References r -> {
                out.append("REFERENCES ");
                foreignKey(r.clause());
            }
            case CreateTable.Generated g -> {
                out.append("AS (");
                p.expr(g.expr());
                out.append(')');
                if (g.storage() != null) {
                    out.append(' ').append(g.storage().name());
                }
            }
        }
    }

    /** The DEFAULT forms SQLite accepts without parentheses, else {@code (expr)}. */
    private void defaultValue(Expr v) {
        boolean bare = switch (v) {
            case Expr.Literal l -> true;
            case Expr.Column col -> col.table() == null;
            case Expr.Unary u -> u.op() != Expr.UnaryOp.NOT && u.op() != Expr.UnaryOp.BITNOT
                    && u.operand() instanceof Expr.Literal;
            default -> false;
        };
        if (bare) {
            p.expr(v);
        } else {
            out.append('(');
            p.expr(v);
            out.append(')');
        }
    }

    private void named(CreateTable.Named n) {
        out.append("CONSTRAINT ");
        p.name(n.name());
    }

    private void check(CreateTable.Check ch) {
        out.append("CHECK (");
        p.expr(ch.expr());
        out.append(')');
    }

    private void onConflict(ConflictAction a) {
        if (a != null) {
            out.append(" ON CONFLICT ").append(a.name());
        }
    }

    private void foreignKey(CreateTable.ForeignKey fk) {
        p.name(fk.table());
        if (!fk.columns().isEmpty()) {
            out.append(' ');
            p.names(fk.columns());
        }
        for (CreateTable.FkRule r : fk.rules()) {
            if (r.match() != null) {
                out.append(" MATCH ");
                p.name(r.match());
            } else {
                out.append(" ON ").append(r.event().name()).append(' ').append(r.action().name().replace('_', ' '));
            }
        }
        if (fk.deferrable() != null) {
            out.append(fk.deferrable().not() ? " NOT DEFERRABLE" : " DEFERRABLE");
            if (fk.deferrable().initially() != null) {
                out.append(" INITIALLY ").append(fk.deferrable().initially().name());
            }
        }
    }

    private void tableConstraint(CreateTable.TableConstraint c) {
        switch (c) {
            case CreateTable.Named n -> named(n);
            case CreateTable.Check ch -> check(ch);
            case CreateTable.PrimaryKeyTable pk -> {
                out.append("PRIMARY KEY (");
                p.orderingTerms(pk.columns());
                out.append(pk.autoincrement() ? " AUTOINCREMENT)" : ")");
                onConflict(pk.onConflict());
            }
            case CreateTable.UniqueTable u -> {
                out.append("UNIQUE (");
                p.orderingTerms(u.columns());
                out.append(')');
                onConflict(u.onConflict());
            }
            case CreateTable.ForeignKeyTable fk -> {
                out.append("FOREIGN KEY ");
                p.names(fk.columns());
                out.append(" REFERENCES ");
                foreignKey(fk.clause());
            }
        }
    }

    void createIndex(CreateIndex c) {
        createPrefix(c.unique() ? "UNIQUE INDEX" : "INDEX", false, c.ifNotExists(), c.name());
        out.append(" ON ");
        p.name(c.table());
        out.append(" (");
        p.orderingTerms(c.columns());
        out.append(')');
        if (c.where() != null) {
            out.append(" WHERE ");
            p.expr(c.where());
        }
    }

    void createView(CreateView c) {
        createPrefix("VIEW", c.temp(), c.ifNotExists(), c.name());
        if (!c.columns().isEmpty()) {
            out.append(' ');
            p.names(c.columns());
        }
        out.append(" AS ");
        p.select(c.select());
    }

    void createVirtualTable(CreateVirtualTable c) {
        createPrefix("VIRTUAL TABLE", false, c.ifNotExists(), c.name());
        out.append(" USING ");
        p.name(c.module());
        List<String> args = c.args();
        if (args != null) {
            out.append('(').append(String.join(", ", args)).append(')');
        }
    }

    void alterTable(Stmt.AlterTable a) {
        out.append("ALTER TABLE ");
        p.qualified(a.table());
        switch (a.action()) {
            case Stmt.RenameTable r -> {
                out.append(" RENAME TO ");
                p.name(r.newName());
            }
            case Stmt.RenameColumn r -> {
                out.append(" RENAME COLUMN ").append(r.oldWritten());
                out.append(" TO ");
                p.name(r.newName());
            }
            case Stmt.AddColumn add -> {
                out.append(" ADD COLUMN ");
                columnDef(add.column());
            }
            case Stmt.DropColumn d -> {
                out.append(" DROP COLUMN ").append(d.written());
            }
        }
    }
}
