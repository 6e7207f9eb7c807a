package io.turso4j.translate;

import io.turso4j.schema.Column;
import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.Select;
import io.turso4j.sql.parser.Parser;
import io.turso4j.value.Register;
import java.util.HexFormat;

/**
 * The value a row too short to hold a column reads for it: the column's DEFAULT when that is a
 * constant (a literal, or a signed number), with the column's affinity applied — what SQLite's
 * OP_Column takes from P4 for records written before ALTER TABLE ADD COLUMN. Stateless.
 */
final class ColumnDefaults {
    private ColumnDefaults() {
    }

    /** The value, or null when it is NULL or not a constant. */
    static Register of(Column column) {
        if (column.defaultSql() == null) {
            return null;
        }
        Expr e;
        try {
            Select select = (Select) Parser.parse("SELECT " + column.defaultSql());
            e = ((Select.ExprColumn) ((Select.Core) select.body()).columns().getFirst()).expr();
        } catch (RuntimeException notAnExpression) {
            return null;
        }
        boolean negate = false;
        if (e instanceof Expr.Unary u && (u.op() == Expr.UnaryOp.NEGATE || u.op() == Expr.UnaryOp.PLUS)) {
            negate = u.op() == Expr.UnaryOp.NEGATE;
            e = u.operand();
        }
        if (!(e instanceof Expr.Literal l)) {
            return null;
        }
        Register r = new Register();
        switch (l.kind()) {
            case INTEGER -> {
                try {
                    long v = l.text().regionMatches(true, 0, "0x", 0, 2) ? Long.parseUnsignedLong(l.text().substring(2), 16)
                            : Long.parseLong(l.text().replace("_", ""));
                    r.setInt(negate ? -v : v);
                } catch (NumberFormatException tooBig) {
                    double d = Double.parseDouble(l.text().replace("_", ""));
                    r.setReal(negate ? -d : d);
                }
            }
            case FLOAT -> {
                double d = Double.parseDouble(l.text().replace("_", ""));
                r.setReal(negate ? -d : d);
            }
            case STRING -> r.setText(l.text());
            case BLOB -> r.setBlob(HexFormat.of().parseHex(l.text()));
            default -> {
                return null;
            }
        }
        column.affinity().apply(r);
        return r;
    }
}
