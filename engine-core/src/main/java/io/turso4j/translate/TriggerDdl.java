package io.turso4j.translate;

import io.turso4j.schema.Identifiers;
import io.turso4j.schema.Schema;
import io.turso4j.schema.SystemTables;
import io.turso4j.schema.Trigger;
import io.turso4j.sql.ast.CreateTrigger;
import io.turso4j.sql.ast.Stmt;
import io.turso4j.translate.schema.SchemaBuilder;
import io.turso4j.translate.schema.StatementText;
import io.turso4j.vdbe.AffinityCode;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.Program;
import io.turso4j.vdbe.ProgramBuilder;

/**
 * CREATE TRIGGER and DROP TRIGGER, as SQLite's {@code sqlite3FinishTrigger} and {@code
 * sqlite3DropTriggerPtr} code them: add or remove the trigger's sqlite_schema row (root page
 * 0), bump the schema cookie and mark the schema changed. The checks at CREATE time are
 * {@link SchemaBuilder#createTrigger}'s; names in the body are resolved only when a statement
 * the trigger fires for is compiled, as in SQLite. Stateless.
 */
final class TriggerDdl {
    private TriggerDdl() {
    }

    static Program create(CreateTrigger stmt, String text, Schema schema) {
        if (stmt.temp()) {
            throw ExprCodegen.error("TEMP triggers are not supported yet");
        }
        Trigger trigger = SchemaBuilder.createTrigger(schema, stmt, text, SchemaBuilder.Mode.EXECUTE);
        ProgramBuilder b = DdlCodegen.start();
        if (trigger != null) {
            int root = b.allocRegister();
            b.emit(Opcode.Integer, 0, root);
            DdlCodegen.schemaRow(b, "trigger", trigger.name(), trigger.table(), root,
                    StatementText.of(text).storedSql());
            DdlCodegen.finish(b, schema);
        }
        b.emit(Opcode.Halt, 0, 0);
        return b.build();
    }

    /** Deletes the trigger's row from sqlite_schema: every row of type 'trigger' with its name. */
    static Program drop(Stmt.Drop stmt, Schema schema) {
        String name = stmt.name().name();
        boolean otherDatabase = stmt.name().schema() != null && !Identifiers.same(stmt.name().schema(), "main");
        Trigger trigger = otherDatabase ? null : schema.trigger(name);
        if (trigger == null && !stmt.ifExists()) {
            String qualified = stmt.name().schema() == null ? name : stmt.name().schema() + "." + name;
            throw ExprCodegen.error("no such trigger: " + qualified);
        }
        ProgramBuilder b = DdlCodegen.start();
        if (trigger != null) {
            int cursor = b.allocCursor();
            int type = b.allocRegister();
            int rowName = b.allocRegister();
            int wantType = b.allocRegister();
            int wantName = b.allocRegister();
            b.emit(Opcode.String8, 0, wantType, 0, "trigger", 0);
            b.emit(Opcode.String8, 0, wantName, 0, trigger.name(), 0);
            b.emit(Opcode.OpenWrite, cursor, SystemTables.SCHEMA_ROOT_PAGE, 0);
            int done = b.newLabel();
            b.emit(Opcode.Rewind, cursor, done);
            int top = b.currentAddress();
            int next = b.newLabel();
            b.emit(Opcode.Column, cursor, 0, type);
            b.emit(Opcode.Ne, wantType, next, type, null, AffinityCode.JUMPIFNULL);
            b.emit(Opcode.Column, cursor, 1, rowName);
            b.emit(Opcode.Ne, wantName, next, rowName, null, AffinityCode.JUMPIFNULL);
            b.emit(Opcode.Delete, cursor, 0, 0, null, 0);
            b.resolve(next);
            b.emit(Opcode.Next, cursor, top);
            b.resolve(done);
            DdlCodegen.finish(b, schema);
        }
        b.emit(Opcode.Halt, 0, 0);
        return b.build();
    }
}
