package io.turso4j.vdbe;

import io.turso4j.completion.Completion;
import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.function.AggregateFunction;
import io.turso4j.function.FunctionContext;
import io.turso4j.storage.IoPending;
import io.turso4j.value.Arithmetic;
import io.turso4j.value.BuiltinCollation;
import io.turso4j.value.Cast;
import io.turso4j.value.Collation;
import io.turso4j.value.Register;
import io.turso4j.value.Truth;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs one {@link Program}: SQLite's {@code sqlite3VdbeExec}, one dispatch loop over an array
 * of {@link Register}s, stepped cooperatively.
 *
 * <p>States: <b>ready</b> (pc 0, after construction or {@link #reset}), <b>running</b> (between
 * steps: after a ROW, or after IO with the pc on the instruction that needs the I/O), and
 * <b>halted</b> (after DONE or an error). {@link #step} moves ready/running → running/halted.
 *
 * <p>I/O: an instruction that needs a page not yet read throws {@link IoPending} before it
 * changes anything; the loop catches it and returns {@link Status#IO} with the pc unchanged, so
 * the next step re-executes that instruction (its state lives in cursors and registers). Errors:
 * a {@link SqliteException} from any instruction halts the program and is rethrown.
 *
 * <p>The VM is the {@link FunctionContext} of the functions it calls. Not thread-safe: one
 * statement, stepped by one thread at a time.
 */
public final class Vm implements FunctionContext {
    /** What one {@link #step} produced (the public API maps it to its StepResult). */
    public enum Status { ROW, DONE, IO, BUSY }

    private static final int INTERRUPT_CHECK_INTERVAL = 256;
    /** The opcodes of a scan's inner loop, dispatched ahead of the switch (see {@link #run}). */
    private static final int NEXT = Opcode.Next.ordinal();
    private static final int COLUMN = Opcode.Column.ordinal();
    private static final int AGG_STEP = Opcode.AggStep.ordinal();
    private static final int INTEGER = Opcode.Integer.ordinal();
    /** Eq, Ne, Lt, Le, Gt and Ge, which follow one another in {@link Opcode}: a scan's WHERE tests. */
    private static final int FIRST_COMPARE = Opcode.Eq.ordinal();
    private static final int LAST_COMPARE = Opcode.Ge.ordinal();
    private static final int REAL_AFFINITY = Opcode.RealAffinity.ordinal();

    /** What {@link #execute} returns, instead of a pc, for a step's end. */
    private static final int ROW = -1;
    private static final int DONE = -2;
    private static final int BUSY = -3;

    private final Program program;
    private final int[] code;
    private final Object[] p4;
    private final VmContext context;
    private final Register[] regs;
    private final Register[] params;
    private final AggregateFunction.Accumulator[] accumulators;
    private final RowSets rowSets;
    private final BitSet onceDone = new BitSet();
    /** The window computations under way, by the register that names them (see {@link WindowRows}). */
    private final Map<Integer, WindowRows> windows = new HashMap<>();
    private final Comparisons comparisons = new Comparisons();
    private final CursorOps cursorOps;
    private final PragmaOps pragmaOps;
    private final Frames frames;
    private final FunctionCursors functionCursors;

    private int pc;
    private boolean halted;
    private SqliteException error;
    private Completion pending;
    private int resultStart;
    private int resultCount;
    private Collation callCollation = BuiltinCollation.BINARY;
    /** Set by the aggregate step under way when its row is not the bare columns' (see {@link AggregateCall#skipLoad}). */
    private boolean skipLoad;
    private long nowMillis = -1;

    public Vm(Program program, VmContext context) {
        this.program = program;
        this.code = program.code;
        this.p4 = program.p4;
        this.context = context;
        this.regs = new Register[program.registerCount];
        for (int i = 0; i < regs.length; i++) {
            regs[i] = new Register();
        }
        this.params = new Register[program.parameterNames().size()];
        for (int i = 0; i < params.length; i++) {
            params[i] = new Register();
        }
        this.accumulators = new AggregateFunction.Accumulator[regs.length];
        this.cursorOps = new CursorOps(program.cursorCount, regs, context);
        this.pragmaOps = new PragmaOps(context, regs);
        this.functionCursors = new FunctionCursors(program.cursorCount);
        this.rowSets = new RowSets(regs.length);
        this.frames = new Frames(regs, cursorOps, onceDone, context,
                new Frames.Locals(accumulators, rowSets, windows, functionCursors));
    }

    public Program program() {
        return program;
    }

    /** Parameter {@code index} (1-based), to bind a value into. */
    public Register parameter(int index) {
        return params[index - 1];
    }

    /** Result column {@code i} (0-based) of the row the last step returned. */
    public Register column(int i) {
        if (i < 0 || i >= resultCount) {
            throw new SqliteException(ResultCode.RANGE, "column index out of range");
        }
        return regs[resultStart + i];
    }

    /** The I/O the last step that returned {@link Status#IO} is waiting for. */
    public Completion pendingIo() {
        return pending;
    }

    /** Back to the start; bindings are kept. */
    public void reset() {
        frames.clear();
        cursorOps.closeAll();
        pragmaOps.reset();
        functionCursors.closeAll();
        pc = 0;
        halted = false;
        error = null;
        pending = null;
        resultCount = 0;
        onceDone.clear();
        windows.clear();
        Arrays.fill(accumulators, null);
        rowSets.clearAll();
        for (Register r : regs) {
            r.setNull();
        }
    }

    /** Releases the cursors. */
    public void close() {
        frames.clear();
        cursorOps.closeAll();
        halted = true;
    }

    /** Runs to the next row, the end, or I/O not yet done. Never blocks. */
    public Status step() {
        if (error != null) {
            throw error;
        }
        if (halted) {
            return Status.DONE;
        }
        if (pending != null && pending.isFailed()) {
            Completion failed = pending;
            pending = null;
            throw halt(new SqliteException(ResultCode.IOERR, "disk I/O error", failed.failure()));
        }
        pending = null;
        nowMillis = -1;
        resultCount = 0;
        try {
            checkInterrupt();
            return run();
        } catch (IoPending p) {
            pending = p.completion();
            return Status.IO;
        } catch (SqliteException e) {
            throw halt(e);
        } catch (RuntimeException e) {
            throw halt(new SqliteException(ResultCode.INTERNAL, "internal error at " + program.opcode(pc)
                    + " (addr " + pc + "): " + e, e));
        } catch (OutOfMemoryError e) {
            // A value too large for the heap (a huge string or blob, a sort that cannot spill):
            // the statement fails and rolls back as it does after SQLite's malloc fails.
            throw halt(new SqliteException(ResultCode.NOMEM, "out of memory", e));
        }
    }

    private SqliteException halt(SqliteException e) {
        error = e;
        halted = true;
        frames.clear();
        cursorOps.closeAll();
        return e;
    }

    private Status run() {
        final int[] code = this.code;
        final Register[] r = this.regs;
        // Locals, not fields: a field would be loaded and stored around every call the loop
        // makes, and the pc's load sits on the path to the next instruction. The field pc is
        // stored once per instruction, so it names the running one when an exception leaves
        // (an IoPending's retry and an error's message need it), and once more at a ROW.
        int untilInterruptCheck = INTERRUPT_CHECK_INTERVAL;
        int pc = this.pc;
        for (;;) {
            this.pc = pc;
            if (--untilInterruptCheck == 0) {
                checkInterrupt();
                untilInterruptCheck = INTERRUPT_CHECK_INTERVAL;
            }
            int at = pc * Program.WIDTH;
            int p1 = code[at + Program.P1];
            int p2 = code[at + Program.P2];
            int p3 = code[at + Program.P3];
            int op = code[at];
            // A scan's inner loop is mostly these. javac compiles a switch over an enum through
            // the constant's ordinal and a lookup table: three dependent loads before the jump,
            // on every instruction. A compare with a constant is far cheaper.
            if (op == NEXT || op == COLUMN || op == AGG_STEP) {
                pc = runScan(pc);
                continue;
            }
            if (op == INTEGER) {
                r[p2].setInt(p1);
                pc++;
                continue;
            }
            int next = execute(op, pc, at, p1, p2, p3);
            if (next < 0) {
                return next == ROW ? Status.ROW : next == DONE ? Status.DONE : Status.BUSY;
            }
            pc = next;
        }
    }

    /**
     * Runs Next, Column and AggStep instructions, and the comparisons and RealAffinity that test
     * a column in a WHERE, from {@code pc} on, for as long as they come, and returns the pc of the
     * first other one. A scan's inner loop is made of them (a filter's comparison run out in
     * {@link #run} cost a tenth of a REAL column's filtered count). In a loop
     * of its own, with only what they read live, C2 keeps its state in registers; in {@link
     * #run}, whose other paths call out at every turn, it reloaded some eight values from the
     * stack for each instruction. The field pc is set only on the way out, by a return or an
     * exception (which must name the running instruction: an IoPending re-runs it), not for
     * each instruction: a scan of 1M rows takes 6% fewer instructions.
     */
    private int runScan(int pc) {
        final int[] code = this.code;
        final Register[] r = this.regs;
        final Object[] p4 = this.p4;
        final CursorOps cursors = this.cursorOps;
        int untilInterruptCheck = INTERRUPT_CHECK_INTERVAL;
        try {
            for (;;) {
                int at = pc * Program.WIDTH;
                int op = code[at];
                if (op == NEXT) {
                    if (--untilInterruptCheck == 0) { // a loop back: where a long scan is stopped
                        checkInterrupt();
                        untilInterruptCheck = INTERRUPT_CHECK_INTERVAL;
                    }
                    pc = cursors.next(code[at + Program.P1]) ? code[at + Program.P2] : pc + 1;
                } else if (op == COLUMN) {
                    cursors.column(code[at + Program.P1], code[at + Program.P2], r[code[at + Program.P3]],
                            (Register) p4[pc]);
                    pc++;
                } else if (op >= FIRST_COMPARE && op <= LAST_COMPARE) {
                    boolean jump = comparisons.jumps(Opcode.of(op), r[code[at + Program.P3]], r[code[at + Program.P1]],
                            code[at + Program.P5], (Collation) p4[pc]);
                    pc = jump ? code[at + Program.P2] : pc + 1;
                } else if (op == REAL_AFFINITY) {
                    realAffinity(r[code[at + Program.P1]]);
                    pc++;
                } else if (op == AGG_STEP) {
                    aggStep((AggregateCall) p4[pc], code[at + Program.P2], code[at + Program.P3],
                            code[at + Program.P5]);
                    pc++;
                } else {
                    return pc;
                }
            }
        } catch (RuntimeException | Error e) {
            this.pc = pc;
            throw e;
        }
    }

    /** RealAffinity: an INTEGER read from a REAL column (SQLite stores whole REALs so) becomes a REAL again. */
    private static void realAffinity(Register v) {
        if (v.type() == io.turso4j.value.ValueType.INTEGER) {
            v.setReal((double) v.intValue());
        }
    }

    /**
     * Runs instruction {@code pc} for every opcode {@link #run} does not handle itself, and
     * returns the pc to go on at, or {@link #ROW}, {@link #DONE} or {@link #BUSY}. A method of
     * its own on purpose: C2 compiles a switch with only the cases it has seen run, and the
     * first other opcode deoptimizes the compiled method the switch is in. Out here that is
     * this method, and the loop that calls it stays compiled, where it was thrown back to the
     * interpreter, mid-scan, each time a statement used an opcode for the first time.
     */
    private int execute(int op, int pc, int at, int p1, int p2, int p3) {
        final int[] code = this.code;
        final Register[] r = this.regs;
        switch (Opcode.of(op)) {
            case Init, Goto -> {
                return p2;
            }
            case Halt -> {
                if (p1 != 0) {
                    // The message is P4's text, or else (a RAISE's expression) register P3's.
                    String message = p4[pc] != null || p3 <= 0 ? (String) p4[pc] : r[p3].toText();
                    throw p2 == 0 ? new SqliteException(ResultCode.of(p1), message)
                            : new HaltError(ResultCode.of(p1), message, p2);
                }
                if (frames.active()) { // the end of a sub-program: back to its caller
                    return frames.leave(p2, program);
                }
                halted = true;
                cursorOps.closeAll();
                return DONE;
            }
            case Int64 -> r[p2].setInt((Long) p4[pc]);
            case Real -> r[p2].setReal((Double) p4[pc]);
            case String8 -> r[p2].setText((String) p4[pc]);
            case Blob -> r[p2].setBlob((byte[]) p4[pc]);
            case Null -> {
                int last = Math.max(p2, p3);
                for (int i = p2; i <= last; i++) {
                    r[i].setNull();
                    accumulators[i] = null;
                }
                rowSets.clear(p2, last);
            }
            case Variable -> r[p2].copyFrom(params[p1 - 1]);
            case Move -> {
                for (int i = 0; i < p3; i++) {
                    r[p2 + i].copyFrom(r[p1 + i]);
                    r[p1 + i].setNull();
                }
            }
            case Copy -> {
                for (int i = 0; i <= p3; i++) {
                    r[p2 + i].copyFrom(r[p1 + i]);
                }
            }
            case SCopy -> r[p2].copyFrom(r[p1]);
            case ResultRow -> {
                resultStart = p1;
                resultCount = p2;
                this.pc = pc + 1;
                return ROW;
            }
            case Add -> Arithmetic.add(r[p2], r[p1], r[p3]);
            case Subtract -> Arithmetic.subtract(r[p2], r[p1], r[p3]);
            case Multiply -> Arithmetic.multiply(r[p2], r[p1], r[p3]);
            case Divide -> Arithmetic.divide(r[p2], r[p1], r[p3]);
            case Remainder -> Arithmetic.remainder(r[p2], r[p1], r[p3]);
            case Concat -> Arithmetic.concat(r[p2], r[p1], r[p3]);
            case BitAnd -> Arithmetic.bitAnd(r[p2], r[p1], r[p3]);
            case BitOr -> Arithmetic.bitOr(r[p2], r[p1], r[p3]);
            case ShiftLeft -> Arithmetic.shiftLeft(r[p2], r[p1], r[p3]);
            case ShiftRight -> Arithmetic.shiftRight(r[p2], r[p1], r[p3]);
            case BitNot -> Arithmetic.bitNot(r[p1], r[p2]);
            case And -> setTruth(r[p3], and(Truth.of(r[p1]), Truth.of(r[p2])));
            case Or -> setTruth(r[p3], and(Truth.of(r[p1]).not(), Truth.of(r[p2]).not()).not());
            case Not -> setTruth(r[p2], Truth.of(r[p1]).not());
            case IsTrue -> {
                Truth t = Truth.of(r[p1]);
                int value = t == Truth.UNKNOWN ? p3 : (t == Truth.TRUE ? 1 : 0);
                r[p2].setInt(value ^ (java.lang.Integer) p4[pc]);
            }
            case ZeroOrNull -> {
                if (r[p1].isNull() || r[p3].isNull()) {
                    r[p2].setNull();
                } else {
                    r[p2].setInt(0);
                }
            }
            case Eq, Ne, Lt, Le, Gt, Ge -> {
                if (comparisons.jumps(Opcode.of(code[at]), r[p3], r[p1], code[at + Program.P5],
                        (Collation) p4[pc])) {
                    return p2;
                }
            }
            case If, IfNot -> {
                Truth t = Truth.of(r[p1]);
                boolean jump = t == Truth.UNKNOWN ? p3 != 0
                        : (t == Truth.TRUE) == (Opcode.of(code[at]) == Opcode.If);
                if (jump) {
                    return p2;
                }
            }
            case RowSetTest -> {
                if (rowSets.test(p1, r[p3].intValue(), (java.lang.Integer) p4[pc] != 0)) {
                    return p2;
                }
            }
            case IsNull -> {
                if (r[p1].isNull()) {
                    return p2;
                }
            }
            case NotNull -> {
                if (!r[p1].isNull()) {
                    return p2;
                }
            }
            case Function -> {
                FunctionCall call = (FunctionCall) p4[pc];
                callCollation = call.collation();
                call.function().call(this, r, p2, code[at + Program.P5], r[p3]);
            }
            case AggFinal -> {
                AggregateCall call = (AggregateCall) p4[pc];
                AggregateFunction.Accumulator acc = accumulators[p1];
                if (acc == null) {
                    acc = call.function().start();
                }
                callCollation = call.collation();
                acc.result(r[p1]);
                accumulators[p1] = null;
            }
            case Cast -> Cast.apply(r[p1], AffinityCode.affinity(p2));
            case Affinity -> {
                String affinities = (String) p4[pc];
                for (int i = 0; i < p2; i++) {
                    AffinityCode.affinity(affinities.charAt(i)).apply(r[p1 + i]);
                }
            }
            case RealAffinity -> realAffinity(r[p1]);
            case MustBeInt -> {
                if (!Comparisons.makeInteger(r[p1])) {
                    if (p2 == 0) {
                        throw new SqliteException(ResultCode.MISMATCH, "datatype mismatch");
                    }
                    return p2;
                }
            }
            case IfPos -> {
                long v = r[p1].intValue();
                if (v > 0) {
                    r[p1].setInt(v - p3);
                    return p2;
                }
            }
            case OffsetLimit -> {
                long limit = r[p1].intValue();
                long offset = Math.max(r[p3].intValue(), 0);
                r[p2].setInt(limit <= 0 ? -1 : (Long.MAX_VALUE - limit < offset ? Long.MAX_VALUE : limit + offset));
            }
            case DecrJumpZero -> {
                long v = r[p1].intValue();
                if (v > Long.MIN_VALUE) {
                    r[p1].setInt(--v);
                }
                if (v == 0) {
                    return p2;
                }
            }
            case WindowAdd -> {
                WindowPlan plan = (WindowPlan) p4[pc];
                windows.computeIfAbsent(p1, k -> new WindowRows(plan)).add(r, p2);
            }
            case WindowNext -> {
                WindowPlan plan = (WindowPlan) p4[pc];
                WindowRows rows = windows.computeIfAbsent(p1, k -> new WindowRows(plan));
                if (!rows.next(this, r, p3)) {
                    windows.remove(p1);
                    return p2;
                }
            }
            case OnceReset -> onceDone.clear(p1, p2);
            case Once -> {
                if (onceDone.get(pc)) {
                    return p2;
                }
                onceDone.set(pc);
            }
            case Gosub -> {
                r[p1].setInt(pc);
                return p2;
            }
            case Return -> {
                return (int) r[p1].intValue() + 1;
            }
            case InitCoroutine -> {
                r[p1].setInt(p3 - 1);
                if (p2 != 0) {
                    return p2;
                }
            }
            case Yield -> {
                int resume = (int) r[p1].intValue();
                r[p1].setInt(pc);
                return resume + 1;
            }
            case EndCoroutine -> {
                int yieldAt = (int) r[p1].intValue();
                r[p1].setInt(pc);
                return program.p2(yieldAt);
            }
            case Noop -> {
            }
            case VFilter -> {
                if (!functionCursors.filter(p1, (io.turso4j.function.TableFunction) p4[pc], r, p3,
                        code[at + Program.P5])) {
                    return p2;
                }
            }
            case VNext -> {
                if (functionCursors.next(p1)) {
                    return p2;
                }
            }
            case VColumn -> functionCursors.column(p1, p2, r[p3]);
            case FkIfDisabled -> {
                if (!context.settings().foreignKeys()) {
                    return p2;
                }
            }
            case FkCounter -> {
                if (p1 == 0 && !context.settings().deferForeignKeys()) {
                    r[p3].setInt(r[p3].intValue() + p2);
                } else if (p1 == 0) {
                    context.addDeferredImmediateViolations(p2);
                } else {
                    context.addDeferredViolations(p2);
                }
            }
            case FkIfZero -> {
                if (p1 == 0 ? r[p3].intValue() == 0
                        && (!context.settings().deferForeignKeys() || context.deferredViolations() == 0)
                        : context.deferredViolations() == 0 || p3 == 1 && !context.isAutocommit()) {
                    return p2;
                }
            }
            case FkIfDeferred -> {
                if (context.settings().deferForeignKeys()) {
                    return p2;
                }
            }
            case TriggerStep -> frames.stepBegins(p1 > 0 ? r[p1].intValue() : context.lastInsertRowid());
            case ResetCount -> frames.stepEnds();
            case Program -> {
                return frames.enter(pc, p1, p3, code[at + Program.P5], (SubProgram) p4[pc]);
            }
            case AutoCommit -> {
                boolean on = p1 != 0;
                if (on && p2 == 0 && !context.isAutocommit() && context.deferredViolations() > 0) {
                    // COMMIT fails and the transaction stays open, to be fixed or rolled back.
                    throw new SqliteException(ResultCode.CONSTRAINT_FOREIGNKEY, "FOREIGN KEY constraint failed");
                }
                if (context.isAutocommit() == on) {
                    throw new SqliteException(ResultCode.ERROR, !on ? "cannot start a transaction within a transaction"
                            : p2 != 0 ? "cannot rollback - no transaction is active"
                            : "cannot commit - no transaction is active");
                }
                context.setAutocommit(on, p2 != 0);
            }
            case CreateBtree -> r[p2].setInt(p1 == 0 ? btree(p3).createTable() : btree(p3).createIndex());
            case Destroy -> r[p2].setInt(btree(p3).drop(p1));
            case Clear -> {
                long cleared = btree(p2).clear(p1);
                if (p3 != 0) {
                    r[p3].setInt(r[p3].intValue() + cleared);
                }
                // a DELETE without WHERE counts the rows it cleared (P5: ChangeFlags, as Delete's)
                int flags = code[at + Program.P5];
                if ((flags & ChangeFlags.COUNT) != 0) {
                    context.rowsChanged(cleared);
                }
                if ((flags & ChangeFlags.TRIGGER_COUNT) != 0) {
                    context.triggerRowsChanged(cleared);
                }
            }
            case SetCookie -> {
                if (code[at + Program.P5] == 0 || btree(p2).meta(p1) < p3) {
                    btree(p2).setMeta(p1, p3);
                }
            }
            case ParseSchema -> context.schemaChanged();
            case Attach -> context.attach(p1 == 1 ? null : r[p2].toText(), r[p3].toText(), p1 == 1);
            case LastRowid -> {
                if (p1 == 0) {
                    r[p2].setInt(context.lastInsertRowid());
                } else {
                    context.setLastInsertRowid(r[p2].intValue());
                }
            }
            case Transaction, Savepoint, ReadCookie, Pagecount, JournalMode, Checkpoint, IntegrityCk, IncrVacuum, Vacuum,
                 Pragma -> {
                if (!pragmaOps.execute(Opcode.of(code[at]), p1, p2, p3, p4[pc])) {
                    return BUSY;
                }
            }
            default -> {
                int target = cursorOps.execute(Opcode.of(code[at]), p1, p2, p3, p4[pc], code[at + Program.P5]);
                if (target >= 0) {
                    return target;
                }
            }
        }
        return pc + 1;
    }

    /** AggStep: feeds r[first .. first+count) to the accumulator in r[acc], started on first use. */
    private void aggStep(AggregateCall call, int first, int acc, int count) {
        AggregateFunction.Accumulator a = accumulators[acc];
        if (a == null) {
            a = call.function().start();
            accumulators[acc] = a;
        }
        Collation collation = call.collation();
        if (callCollation != collation) { // mostly the same row after row: skip the GC's store barriers
            callCollation = collation;
        }
        int skipRegister = call.skipLoad();
        if (skipRegister < 0) {
            a.step(this, regs, first, count);
            return;
        }
        skipLoad = false;
        a.step(this, regs, first, count);
        regs[skipRegister].setInt(skipLoad ? 1 : 0);
    }

    @Override
    public void skipAccumulatorLoad() {
        skipLoad = true;
    }

    /**
     * Stops the program with SQLITE_INTERRUPT once {@code Connection.interrupt()} was called: at
     * the start of each step and every {@value #INTERRUPT_CHECK_INTERVAL} instructions, so the
     * flag (written by another thread) is read rarely enough to cost nothing.
     */
    private void checkInterrupt() {
        if (context.isInterrupted()) {
            throw new SqliteException(ResultCode.INTERRUPT, "interrupted");
        }
    }

    /** The B-tree of database {@code db} (P3 of CreateBtree and Destroy, P2 of SetCookie, as in SQLite). */
    private io.turso4j.storage.btree.BTree btree(int db) {
        io.turso4j.storage.btree.BTree btree = context.btree(db);
        if (btree == null) {
            throw new SqliteException(ResultCode.CANTOPEN, "unable to open database file");
        }
        return btree;
    }

    private static Truth and(Truth a, Truth b) {
        if (a == Truth.FALSE || b == Truth.FALSE) {
            return Truth.FALSE;
        }
        return a == Truth.TRUE && b == Truth.TRUE ? Truth.TRUE : Truth.UNKNOWN;
    }

    private static void setTruth(Register out, Truth t) {
        switch (t) {
            case TRUE -> out.setInt(1);
            case FALSE -> out.setInt(0);
            case UNKNOWN -> out.setNull();
        }
    }

    // ---- FunctionContext --------------------------------------------------------------------

    @Override
    public long currentTimeMillis() {
        if (nowMillis < 0) {
            nowMillis = context.currentTimeMillis();
        }
        return nowMillis;
    }

    @Override
    public long nextRandom() {
        return context.nextRandom();
    }

    @Override
    public long changes() {
        return context.changes();
    }

    @Override
    public long totalChanges() {
        return context.totalChanges();
    }

    @Override
    public long lastInsertRowid() {
        return context.lastInsertRowid();
    }

    @Override
    public Collation collation() {
        return callCollation;
    }

    /** For tests and debugging: register {@code i}. */
    Register register(int i) {
        return regs[i];
    }
}
