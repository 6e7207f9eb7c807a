package io.turso4j.translate;

import io.turso4j.schema.Identifiers;
import io.turso4j.schema.Schema;
import io.turso4j.schema.Trigger;
import io.turso4j.sql.ast.CreateTrigger;
import io.turso4j.sql.ast.Stmt;
import io.turso4j.translate.schema.SchemaBuilder;
import io.turso4j.translate.schema.StatementText;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.Program;
import io.turso4j.vdbe.ProgramBuilder;
import java.util.List;

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
        ProgramBuilder b = SchemaWrites.start();
        if (trigger != null) {
            int root = b.allocRegister();
            b.emit(Opcode.Integer, 0, root);
            SchemaWrites.append(b, "trigger", trigger.name(), trigger.table(), root,
                    StatementText.of(text).storedSql());
            SchemaWrites.finish(b, schema);
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
        ProgramBuilder b = SchemaWrites.start();
        if (trigger != null) {
            SchemaWrites.delete(b, List.of(new SchemaWrites.Match(SchemaWrites.TYPE, "trigger"),
                    new SchemaWrites.Match(SchemaWrites.NAME, trigger.name())));
            SchemaWrites.finish(b, schema);
        }
        b.emit(Opcode.Halt, 0, 0);
        return b.build();
    }
}
