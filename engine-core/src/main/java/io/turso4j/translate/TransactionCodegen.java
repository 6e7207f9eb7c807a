package io.turso4j.translate;

import io.turso4j.sql.ast.Stmt;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.Program;
import io.turso4j.vdbe.ProgramBuilder;

/**
 * BEGIN [DEFERRED | IMMEDIATE | EXCLUSIVE], COMMIT, ROLLBACK, SAVEPOINT, RELEASE and ROLLBACK
 * TO, as SQLite codes them: {@code AutoCommit} switches the connection's autocommit mode,
 * {@code Transaction} with P2 = 1 takes the write lock at once (IMMEDIATE and EXCLUSIVE, which
 * are the same in WAL mode), {@code Savepoint} hands the savepoint to the connection, which
 * keeps the stack of names. Stateless; any thread.
 */
final class TransactionCodegen {
    /** {@link Opcode#Savepoint}'s P1: SAVEPOINT, RELEASE, ROLLBACK TO. */
    static final int BEGIN = 0;
    static final int RELEASE = 1;
    static final int ROLLBACK_TO = 2;

    private TransactionCodegen() {
    }

    static Program begin(Stmt.Begin begin) {
        ProgramBuilder b = new ProgramBuilder();
        b.emit(Opcode.Init, 0, 1);
        if (begin.kind() == Stmt.TransactionKind.CONCURRENT) {
            throw ExprCodegen.error("BEGIN CONCURRENT is not supported yet");
        }
        if (begin.kind() == Stmt.TransactionKind.IMMEDIATE || begin.kind() == Stmt.TransactionKind.EXCLUSIVE) {
            b.emit(Opcode.Transaction, 0, 1);
        }
        b.emit(Opcode.AutoCommit, 0, 0);
        b.emit(Opcode.Halt, 0, 0);
        return b.build();
    }

    /** COMMIT (1, 0) and ROLLBACK (1, 1): SQLite's {@code AutoCommit} instruction. */
    static Program autoCommit(int on, int rollback) {
        ProgramBuilder b = new ProgramBuilder();
        b.emit(Opcode.Init, 0, 1);
        b.emit(Opcode.AutoCommit, on, rollback);
        b.emit(Opcode.Halt, 0, 0);
        return b.build();
    }

    static Program savepoint(int op, String name) {
        ProgramBuilder b = new ProgramBuilder();
        b.emit(Opcode.Init, 0, 1);
        b.emit(Opcode.Savepoint, op, 0, 0, name, 0);
        b.emit(Opcode.Halt, 0, 0);
        return b.build();
    }
}
