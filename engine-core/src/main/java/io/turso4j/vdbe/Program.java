package io.turso4j.vdbe;

import java.util.List;

/**
 * A compiled statement: int-coded instructions plus what the API needs to run them (result
 * column names, parameter names, register and cursor counts).
 *
 * <p>Instruction {@code i} occupies {@code code[i*5 .. i*5+5)} as opcode, P1, P2, P3, P5, and
 * its P4 (a constant object, or null) is {@code p4[i]}. Jump targets are absolute addresses.
 * There are {@code p4.length} instructions.
 * Immutable once built ({@link ProgramBuilder#build}), so one program may serve several VMs.
 */
public final class Program {
    static final int WIDTH = 5;
    static final int OP = 0, P1 = 1, P2 = 2, P3 = 3, P5 = 4;

    final int[] code;
    final Object[] p4;
    final int registerCount;
    final int cursorCount;
    private final List<String> columnNames;
    private final List<String> parameterNames;
    private final boolean readOnly;
    private final boolean countsChanges;
    private final boolean transactionControl;
    private final boolean statementSavepoint;

    Program(int[] code, Object[] p4, int registerCount, int cursorCount, List<String> columnNames,
            List<String> parameterNames, boolean readOnly, boolean statementSavepoint) {
        this.code = code;
        this.p4 = p4;
        this.registerCount = registerCount;
        this.cursorCount = cursorCount;
        this.columnNames = List.copyOf(columnNames);
        this.parameterNames = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(parameterNames));
        this.readOnly = readOnly;
        this.statementSavepoint = statementSavepoint;
        boolean counts = false;
        boolean control = true;
        for (int i = 0; i < p4.length; i++) {
            Opcode op = opcode(i);
            counts |= (op == Opcode.Insert || op == Opcode.Delete || op == Opcode.Clear)
                    && (code[i * WIDTH + P5] & ChangeFlags.COUNT) != 0;
            control &= op == Opcode.Init || op == Opcode.Halt || op == Opcode.AutoCommit || op == Opcode.Savepoint
                    || op == Opcode.Transaction;
        }
        this.countsChanges = counts;
        this.transactionControl = control;
    }

    /** Number of instructions. */
    public int size() {
        return p4.length;
    }

    public Opcode opcode(int addr) {
        return Opcode.of(code[addr * WIDTH + OP]);
    }

    public int p1(int addr) {
        return code[addr * WIDTH + P1];
    }

    public int p2(int addr) {
        return code[addr * WIDTH + P2];
    }

    public int p3(int addr) {
        return code[addr * WIDTH + P3];
    }

    public Object p4(int addr) {
        return p4[addr];
    }

    public int p5(int addr) {
        return code[addr * WIDTH + P5];
    }

    /** The names of the result columns (empty for a statement returning no rows). */
    public List<String> columnNames() {
        return columnNames;
    }

    /**
     * Parameter names by index - 1: {@code ":a"}, {@code "?3"}, or null for a plain {@code ?}.
     * Its size is the number of parameters (the largest index used).
     */
    public List<String> parameterNames() {
        return parameterNames;
    }

    /** Whether running the program changes nothing in the database. */
    public boolean isReadOnly() {
        return readOnly;
    }

    /**
     * Whether the program only starts or ends a transaction or savepoint (BEGIN, COMMIT,
     * ROLLBACK, SAVEPOINT, RELEASE) and reads nothing: it fixes no read snapshot for the
     * transaction (BEGIN IMMEDIATE holds one only if it gets the write lock).
     */
    public boolean isTransactionControl() {
        return transactionControl;
    }

    /**
     * Whether the program is an INSERT, UPDATE or DELETE, whose row count becomes
     * {@code changes()} (SQLite's changeCntOn): it has an Insert or Delete that counts its row.
     */
    /**
     * Whether a writing run inside a transaction needs a savepoint, to undo what it wrote
     * before it failed; false for a statement that writes at most once, after all its checks
     * ({@link ProgramBuilder#writesOnceAfterItsChecks}).
     */
    public boolean needsStatementSavepoint() {
        return statementSavepoint;
    }

    public boolean countsChanges() {
        return countsChanges;
    }

    /** The listing, one line per instruction, for debugging and test failure messages. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < size(); i++) {
            sb.append(String.format("%4d %-14s %4d %4d %4d %-12s %d%n", i, opcode(i), p1(i), p2(i), p3(i),
                    Explain.p4Text(p4(i)), p5(i)));
        }
        return sb.toString();
    }
}
