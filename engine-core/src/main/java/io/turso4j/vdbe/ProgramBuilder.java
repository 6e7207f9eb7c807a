package io.turso4j.vdbe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Emits a {@link Program}, SQLite's {@code Vdbe} under construction: instructions appended
 * one at a time, registers and cursors allocated, forward jumps written against labels that
 * are resolved later.
 *
 * <p>A label is a negative number standing for an address not yet known; it may be used as
 * P2 of any jumping opcode (and P3 of {@link Opcode#InitCoroutine}) and is replaced by the
 * address given to {@link #resolve} when the program is built. Not thread-safe; one per
 * compilation.
 */
public final class ProgramBuilder {
    /** The most instructions whose arrays {@link #SPARE} keeps (larger ones are left to the GC). */
    private static final int SPARE_LIMIT = 1024;
    /**
     * The arrays of a builder whose program was built, for the next builder to start from (any
     * thread; one builder holds them at a time): {@link #build} copies the program out at its
     * exact size, so compiling allocates about the program's size rather than every array the
     * builder grew through on the way. Empty while a builder has them or none was built yet.
     */
    private static final AtomicReference<Scratch> SPARE = new AtomicReference<>();

    /** A builder's growable arrays, handed from builder to builder through {@link #SPARE}. */
    private static final class Scratch {
        int[] code;
        Object[] p4;

        Scratch(int capacity) {
            code = new int[capacity * Program.WIDTH];
            p4 = new Object[capacity];
        }
    }

    /** Where {@link #code} and {@link #p4} came from, to go back to {@link #SPARE} when built; null for a run-once block. */
    private Scratch scratch;
    private int[] code;
    private Object[] p4;
    private int size;
    private int registers;
    private int cursors;
    private int[] labels = new int[16];
    private int labelCount;
    private List<String> columnNames = List.of();
    private final List<String> parameterNames = new ArrayList<>();
    /** Plain {@code ?} parameters by source offset → their number. */
    private final Map<Integer, Integer> anonymousParameters = new HashMap<>();
    private boolean readOnly = true;
    /** See {@link #writesOnceAfterItsChecks()}. */
    private boolean statementSavepoint = true;
    /**
     * The run-once block (SQLite's constant factoring): instructions that {@link #build} moves
     * behind the program's end, where {@link Opcode#Init} jumps first and which then goes on at
     * Init's target; null while nothing is in it.
     */
    private ProgramBuilder once;
    /** Whether {@link #emit} appends to {@link #once} now (inside {@link #codeOnce}). */
    private boolean codingOnce;

    public ProgramBuilder() {
        Scratch spare = SPARE.getAndSet(null);
        scratch = spare != null ? spare : new Scratch(64);
        code = scratch.code;
        p4 = scratch.p4;
    }

    /** A builder with room for {@code capacity} instructions before it grows. */
    private ProgramBuilder(int capacity) {
        code = new int[capacity * Program.WIDTH];
        p4 = new Object[capacity];
    }

    /** Appends an instruction; returns its address. */
    public int emit(Opcode op, int p1, int p2, int p3, Object p4, int p5) {
        if (codingOnce) {
            if (op.jumpsToP2()) {
                throw new IllegalStateException("a jump in run-once code: " + op);
            }
            once.emit(op, p1, p2, p3, p4, p5);
            return -1;
        }
        if (size == this.p4.length) {
            this.p4 = Arrays.copyOf(this.p4, size * 2);
            code = Arrays.copyOf(code, size * 2 * Program.WIDTH);
        }
        int at = size * Program.WIDTH;
        code[at + Program.OP] = op.ordinal();
        code[at + Program.P1] = p1;
        code[at + Program.P2] = p2;
        code[at + Program.P3] = p3;
        code[at + Program.P5] = p5;
        this.p4[size] = p4;
        if (op.ordinal() >= Opcode.OpenRead.ordinal()) {
            cursors = Math.max(cursors, p1 + 1); // every cursor opcode names its cursor in P1
        }
        if (op == Opcode.OpenWrite || op == Opcode.Insert || op == Opcode.Delete || op == Opcode.IdxInsert
                || op == Opcode.IdxDelete || op == Opcode.NewRowid
                || op == Opcode.CreateBtree || op == Opcode.SetCookie || op == Opcode.Destroy || op == Opcode.Clear
                || op == Opcode.IncrVacuum || op == Opcode.Vacuum && p2 == 0) {
            readOnly = false;
        }
        return size++;
    }

    public int emit(Opcode op, int p1, int p2, int p3) {
        return emit(op, p1, p2, p3, null, 0);
    }

    public int emit(Opcode op, int p1, int p2) {
        return emit(op, p1, p2, 0, null, 0);
    }

    /** The address the next instruction will get. */
    public int currentAddress() {
        if (codingOnce) {
            throw new IllegalStateException("run-once code has no addresses");
        }
        return size;
    }

    /**
     * Whether {@link #codeOnce} may be used: the program starts with {@link Opcode#Init}, whose
     * jump can go through the run-once block.
     */
    public boolean canCodeOnce() {
        return size > 0 && Opcode.of(code[Program.OP]) == Opcode.Init && !codingOnce;
    }

    /**
     * Emits what {@code body} emits into the run-once block instead, so it runs once per
     * execution, before the program's second instruction: SQLite's sqlite3ExprCodeRunJustOnce,
     * for values that depend on no row. The body may not jump (its code moves at build time)
     * nor ask for {@link #currentAddress}; registers it writes must be fresh and never written
     * by the rest of the program.
     */
    public void codeOnce(Runnable body) {
        if (!canCodeOnce()) {
            throw new IllegalStateException("the program does not start with Init");
        }
        if (once == null) {
            once = new ProgramBuilder(8); // a few constants, usually: most statements make one
        }
        codingOnce = true;
        try {
            body.run();
        } finally {
            codingOnce = false;
        }
    }

    /** Sets P2 of the instruction at {@code addr} (to patch a jump emitted earlier). */
    public void changeP2(int addr, int p2) {
        code[addr * Program.WIDTH + Program.P2] = p2;
    }

    /**
     * Makes the instruction at {@code addr} a {@code op} (a {@link Opcode#Noop} or a
     * {@link Opcode#Goto}, say, with {@link #changeP2}), as SQLite's sqlite3VdbeChangeOpcode.
     */
    public void changeOpcode(int addr, Opcode op) {
        code[addr * Program.WIDTH + Program.OP] = op.ordinal();
    }

    /** Sets P4 of the instruction at {@code addr} (a constant known only after later code is built). */
    public void changeP4(int addr, Object p4) {
        this.p4[addr] = p4;
    }

    /** A new label for a forward jump. */
    public int newLabel() {
        if (labelCount == labels.length) {
            labels = Arrays.copyOf(labels, labelCount * 2);
        }
        labels[labelCount] = -1;
        return -1 - labelCount++;
    }

    /** Binds {@code label} to the address of the next instruction. */
    public void resolve(int label) {
        labels[-1 - label] = size;
    }

    /** A fresh register (numbered from 1, as SQLite's; register 0 is never handed out). */
    public int allocRegister() {
        return ++registers;
    }

    /** {@code n} consecutive fresh registers; returns the first. */
    public int allocRegisters(int n) {
        int first = registers + 1;
        registers += n;
        return first;
    }

    public int allocCursor() {
        return cursors++;
    }

    /** The number the next {@link #allocCursor} returns (where a sub-program's cursors start). */
    public int nextCursor() {
        return cursors;
    }

    public void setColumnNames(List<String> names) {
        columnNames = List.copyOf(names);
    }

    /**
     * The index of parameter {@code name} as written ({@code ?}, {@code ?NNN}, {@code :a},
     * {@code @a}, {@code $a}), numbering as {@code sqlite3ExprAssignVarNumber}: a plain
     * {@code ?} takes the next number, {@code ?NNN} takes NNN, a name reuses its number.
     *
     * A plain {@code ?} at source offset {@code offset} (negative: unknown) keeps the number
     * it got the first time, so an expression coded twice (a WHERE term that both seeks an
     * index and is checked again) reads the same parameter.
     *
     * @return the index, or -1 if {@code ?NNN} is outside 1..32766
     */
    public int parameter(String name, int offset) {
        if (name.equals("?")) {
            Integer known = offset >= 0 ? anonymousParameters.get(offset) : null;
            if (known != null) {
                return known;
            }
            parameterNames.add(null);
            if (offset >= 0) {
                anonymousParameters.put(offset, parameterNames.size());
            }
            return parameterNames.size();
        }
        if (name.charAt(0) == '?') {
            long n;
            try {
                n = Long.parseLong(name.substring(1));
            } catch (NumberFormatException e) {
                return -1;
            }
            if (n < 1 || n > 32766) {
                return -1;
            }
            while (parameterNames.size() < n) {
                parameterNames.add(null);
            }
            if (parameterNames.get((int) n - 1) == null) {
                parameterNames.set((int) n - 1, name);
            }
            return (int) n;
        }
        int existing = parameterNames.indexOf(name);
        if (existing >= 0) {
            return existing + 1;
        }
        parameterNames.add(name);
        return parameterNames.size();
    }

    /**
     * Freezes the program, replacing labels by addresses. The builder may not be used after:
     * the program gets copies of its arrays at their exact sizes, and the arrays themselves go
     * to {@link #SPARE} for the next builder.
     */
    public Program build() {
        if (once != null) {
            appendRunOnceBlock();
        }
        int[] finalCode = Arrays.copyOf(code, size * Program.WIDTH);
        Object[] finalP4 = Arrays.copyOf(p4, size);
        recycle();
        for (int i = 0; i < size; i++) {
            int at = i * Program.WIDTH;
            Opcode op = Opcode.of(finalCode[at + Program.OP]);
            if (op.jumpsToP2()) {
                finalCode[at + Program.P2] = address(finalCode[at + Program.P2]);
            }
            if (op == Opcode.InitCoroutine) {
                finalCode[at + Program.P3] = address(finalCode[at + Program.P3]);
            }
        }
        return new Program(finalCode, finalP4, registers + 1, cursors, columnNames,
                parameterNames, readOnly, statementSavepoint);
    }

    /** Gives the arrays to {@link #SPARE} (P4 cleared, so that it keeps no constant alive) and forgets them. */
    private void recycle() {
        if (scratch != null && p4.length <= SPARE_LIMIT) {
            Arrays.fill(p4, 0, size, null);
            scratch.code = code;
            scratch.p4 = p4;
            SPARE.compareAndSet(null, scratch);
        }
        scratch = null;
        code = null;
        p4 = null;
    }

    /**
     * The statement writes at most one row, and every check that can fail it runs before its
     * first write (SQLite's statement that is not "multi-write"): inside a transaction it
     * needs no savepoint to undo a failure. Only the top-level statement's codegen may say so,
     * not the code of a trigger it fires.
     */
    public void writesOnceAfterItsChecks() {
        statementSavepoint = false;
    }

    /** Moves the run-once block behind the code: Init jumps to it, and it jumps on to Init's old target. */
    private void appendRunOnceBlock() {
        ProgramBuilder block = once;
        once = null;
        int initTarget = code[Program.P2];
        changeP2(0, size);
        for (int i = 0; i < block.size; i++) {
            int at = i * Program.WIDTH;
            emit(Opcode.of(block.code[at + Program.OP]), block.code[at + Program.P1], block.code[at + Program.P2],
                    block.code[at + Program.P3], block.p4[i], block.code[at + Program.P5]);
        }
        emit(Opcode.Goto, 0, initTarget);
    }

    private int address(int target) {
        if (target >= 0) {
            return target;
        }
        int resolved = labels[-1 - target];
        if (resolved < 0) {
            throw new IllegalStateException("label " + target + " never resolved");
        }
        return resolved;
    }
}
