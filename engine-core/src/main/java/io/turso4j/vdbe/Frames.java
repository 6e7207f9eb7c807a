package io.turso4j.vdbe;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.function.AggregateFunction;
import io.turso4j.value.Register;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The frames of the {@link SubProgram}s a running statement is in, innermost first: SQLite's
 * VdbeFrame list, kept on the heap so recursion as deep as the trigger depth limit costs no
 * Java stack.
 *
 * <p>Entering ({@link Opcode#Program}) copies the arguments into the sub-program's first
 * registers after setting its registers, cursors, {@code Once} flags and {@link Locals} aside;
 * leaving (a {@code Halt} with P1 0 inside a frame) closes the cursors the frame opened and puts
 * back what was set aside, so the caller, even another frame of the same sub-program, continues as it
 * was. An error halts the whole statement: {@link #clear} drops the frames.
 *
 * <p>The depth counts trigger levels as SQLite's does per statement: a frame adds one plus the
 * trigger levels its caller ran inline (P3 of {@code Program}); beyond {@link #MAX_DEPTH} the
 * statement fails.
 *
 * <p>Counters as SQLite's: a trigger step's changes join {@code total_changes()} when the step
 * ends ({@code ResetCount}), a frame's when it returns; so when an error unwinds, the rows
 * changed by steps and frames under way are taken out again (trigger rows are counted as they
 * change), and {@code last_insert_rowid()} is what it was before the outermost trigger. Owned
 * by one VM; not thread-safe.
 */
final class Frames {
    /** SQLite's SQLITE_MAX_TRIGGER_DEPTH. */
    static final int MAX_DEPTH = 1000;
    /** P5 of {@code Program}: enter only while {@code PRAGMA recursive_triggers} is on. */
    static final int IF_RECURSIVE = 1;
    /** P2 of a frame's {@code Halt}: RAISE(IGNORE), so the caller goes to its {@code Program}'s P2. */
    static final int IGNORE = 4;

    /**
     * What the VM keeps per register or per cursor besides the registers and b-tree cursors:
     * aggregate accumulators, row sets and windows by register, table-valued function scans by
     * cursor. A frame sets the sub-program's share aside with its registers.
     */
    record Locals(AggregateFunction.Accumulator[] accumulators, RowSets rowSets, Map<Integer, WindowRows> windows,
                  FunctionCursors functionCursors) {}

    /** The locals one frame set aside. */
    private record SavedLocals(AggregateFunction.Accumulator[] accumulators, RowSet[] rowSets,
                               Map<Integer, WindowRows> windows, FunctionCursors.Scans scans) {}

    private record Frame(int caller, int depth, SubProgram program, Register[] registers,
                         CursorOps.Slots cursors, SavedLocals locals, BitSet once) {}

    /**
     * A trigger step (or a whole frame) under way: total_changes() when it began, the
     * last_insert_rowid() a failure restores, and the rows of the steps inside it that ended.
     */
    private record Step(long totalAtBegin, long lastRowid, long[] ended) {}

    private final Register[] regs;
    private final CursorOps cursors;
    private final BitSet onceDone;
    private final VmContext context;
    private final Locals locals;
    private final Deque<Frame> frames = new ArrayDeque<>();
    private final Deque<Step> steps = new ArrayDeque<>();
    private int depth;

    Frames(Register[] regs, CursorOps cursors, BitSet onceDone, VmContext context, Locals locals) {
        this.locals = locals;
        this.regs = regs;
        this.cursors = cursors;
        this.onceDone = onceDone;
        this.context = context;
    }

    /** Whether a sub-program is running. */
    boolean active() {
        return !frames.isEmpty();
    }

    /**
     * {@code Program} at {@code pc}: enters {@code program} with the arguments in r[{@code
     * args}…], {@code levels} trigger levels below the current frame; returns the next pc.
     */
    int enter(int pc, int args, int levels, int flags, SubProgram program) {
        if ((flags & IF_RECURSIVE) != 0 && !context.settings().recursiveTriggers()) {
            return pc + 1;
        }
        int newDepth = depth + levels + 1;
        if (newDepth > MAX_DEPTH) {
            throw new SqliteException(ResultCode.ERROR, "too many levels of trigger recursion");
        }
        int n = program.argumentCount;
        Register[] arguments = new Register[n];
        for (int i = 0; i < n; i++) {
            arguments[i] = copy(regs[args + i]);
        }
        int first = program.firstRegister;
        Register[] saved = new Register[program.lastRegister - first + 1];
        for (int i = 0; i < saved.length; i++) {
            saved[i] = copy(regs[first + i]);
        }
        BitSet once = onceDone.get(program.entry, program.end);
        onceDone.clear(program.entry, program.end);
        frames.push(new Frame(pc, depth, program, saved,
                cursors.setAside(program.firstCursor, program.cursorEnd), setLocalsAside(program), once));
        stepBegins(context.lastInsertRowid());
        for (int i = 0; i < n; i++) {
            regs[first + i].copyFrom(arguments[i]);
        }
        depth = newDepth;
        return program.entry;
    }

    /**
     * A {@code Halt} with P1 0 and P2 {@code how} inside a frame: leaves it; returns the
     * caller's next pc (its {@code Program}'s P2 for RAISE(IGNORE)).
     */
    int leave(int how, Program code) {
        Frame f = frames.pop();
        stepEnds();
        SubProgram program = f.program();
        for (int i = 0; i < f.registers().length; i++) {
            regs[program.firstRegister + i].copyFrom(f.registers()[i]);
        }
        cursors.putBack(program.firstCursor, program.cursorEnd, f.cursors());
        putLocalsBack(program, f.locals());
        onceDone.clear(program.entry, program.end);
        f.once().stream().forEach(bit -> onceDone.set(program.entry + bit));
        depth = f.depth();
        return how == IGNORE ? code.p2(f.caller()) : f.caller() + 1;
    }

    /** A trigger step (TriggerStep) or a frame begins; {@code lastRowid} is what a failure inside restores. */
    void stepBegins(long lastRowid) {
        steps.push(new Step(context.totalChanges(), lastRowid, new long[1]));
    }

    /** The innermost step ended (ResetCount) or its frame returned: its rows stay counted. */
    void stepEnds() {
        Step s = steps.pop();
        if (!steps.isEmpty()) {
            steps.peek().ended()[0] += context.totalChanges() - s.totalAtBegin();
        }
    }

    /**
     * Drops every frame (the statement failed, or was reset), closing the cursors they set
     * aside. As SQLite's: the rows of trigger steps under way leave total_changes() (those of
     * the steps that ended stay), and last_insert_rowid() is what it was before the outermost
     * trigger.
     */
    void clear() {
        if (!steps.isEmpty()) {
            Step outermost = steps.peekLast();
            long kept = 0;
            for (Step s : steps) {
                kept += s.ended()[0];
            }
            context.uncountTriggerRows(context.totalChanges() - outermost.totalAtBegin() - kept);
            context.setLastInsertRowid(outermost.lastRowid());
            steps.clear();
        }
        for (Frame f : frames) {
            f.cursors().close();
        }
        frames.clear();
        depth = 0;
    }

    private SavedLocals setLocalsAside(SubProgram p) {
        int from = p.firstRegister;
        int to = p.lastRegister;
        AggregateFunction.Accumulator[] acc = Arrays.copyOfRange(locals.accumulators(), from, to + 1);
        Arrays.fill(locals.accumulators(), from, to + 1, null);
        Map<Integer, WindowRows> windows = new HashMap<>();
        if (!locals.windows().isEmpty()) {
            for (Iterator<Map.Entry<Integer, WindowRows>> it = locals.windows().entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<Integer, WindowRows> e = it.next();
                if (e.getKey() >= from && e.getKey() <= to) {
                    windows.put(e.getKey(), e.getValue());
                    it.remove();
                }
            }
        }
        return new SavedLocals(acc, locals.rowSets().setAside(from, to), windows,
                locals.functionCursors().setAside(p.firstCursor, p.cursorEnd));
    }

    private void putLocalsBack(SubProgram p, SavedLocals saved) {
        int from = p.firstRegister;
        int to = p.lastRegister;
        System.arraycopy(saved.accumulators(), 0, locals.accumulators(), from, saved.accumulators().length);
        locals.windows().keySet().removeIf(k -> k >= from && k <= to);
        locals.windows().putAll(saved.windows());
        locals.rowSets().putBack(from, to, saved.rowSets());
        locals.functionCursors().putBack(p.firstCursor, p.cursorEnd, saved.scans());
    }

    private static Register copy(Register r) {
        Register c = new Register();
        c.copyFrom(r);
        return c;
    }
}
