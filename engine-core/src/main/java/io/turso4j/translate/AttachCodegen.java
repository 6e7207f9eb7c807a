package io.turso4j.translate;

import io.turso4j.function.FunctionRegistry;
import io.turso4j.schema.Schema;
import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.Stmt;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.Program;
import io.turso4j.vdbe.ProgramBuilder;

/**
 * ATTACH DATABASE file AS name and DETACH name: the file and name are expressions evaluated
 * when the statement runs (a bare identifier is its own text, as in SQLite), then the
 * {@link Opcode#Attach} instruction asks the connection to open or drop the database. Stateless.
 */
final class AttachCodegen {
    private AttachCodegen() {
    }

    static Program attach(Stmt.Attach stmt, String sql, FunctionRegistry functions, Schema schema) {
        ProgramBuilder b = new ProgramBuilder();
        b.emit(Opcode.Init, 0, 1);
        SelectCodegen selects = new SelectCodegen(b, functions, sql, schema);
        int file = b.allocRegister();
        int name = b.allocRegister();
        value(b, selects, stmt.file(), file);
        value(b, selects, stmt.schema(), name);
        b.emit(Opcode.Attach, 0, file, name);
        b.emit(Opcode.Halt, 0, 0);
        return b.build();
    }

    static Program detach(Stmt.Detach stmt, String sql, FunctionRegistry functions, Schema schema) {
        ProgramBuilder b = new ProgramBuilder();
        b.emit(Opcode.Init, 0, 1);
        SelectCodegen selects = new SelectCodegen(b, functions, sql, schema);
        int name = b.allocRegister();
        value(b, selects, stmt.schema(), name);
        b.emit(Opcode.Attach, 1, 0, name);
        b.emit(Opcode.Halt, 0, 0);
        return b.build();
    }

    private static void value(ProgramBuilder b, SelectCodegen selects, Expr e, int target) {
        if (e instanceof Expr.Column c && c.table() == null && c.schema() == null) {
            b.emit(Opcode.String8, 0, target, 0, c.column(), 0);
        } else {
            selects.exprs().code(e, target);
        }
    }
}
