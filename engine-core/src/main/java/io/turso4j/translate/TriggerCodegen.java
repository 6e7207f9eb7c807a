package io.turso4j.translate;

import io.turso4j.error.ResultCode;
import io.turso4j.schema.Identifiers;
import io.turso4j.schema.Trigger;
import io.turso4j.sql.ast.ConflictAction;
import io.turso4j.sql.ast.CreateTrigger;
import io.turso4j.sql.ast.Delete;
import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.Insert;
import io.turso4j.sql.ast.Name;
import io.turso4j.sql.ast.Select;
import io.turso4j.sql.ast.Stmt;
import io.turso4j.sql.ast.Update;
import io.turso4j.sql.parser.Parser;
import io.turso4j.vdbe.ChangeFlags;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.Program;
import io.turso4j.vdbe.ProgramBuilder;
import io.turso4j.vdbe.SubProgram;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Codes trigger programs inline, at the point of the statement where they fire, instead of as
 * SQLite's sub-programs ({@code OP_Program}): the WHEN test, then each body statement, with the
 * row's NEW and OLD values visible as two sources of a {@link Scope} that only qualified names
 * reach ({@code new.x}, {@code old.rowid}). A body statement that changes a table fires that
 * table's triggers in turn, coded the same way.
 *
 * <p>A trigger that fires while its own code is being generated (it fires itself, directly or
 * through others) cannot be coded inline again: there it becomes a call ({@link Opcode#Program}
 * with P5 1) of a {@link SubProgram} holding its code, compiled once, that runs only while
 * {@code PRAGMA recursive_triggers} is on — with it off, SQLite never fires a trigger that is
 * already running, and the call does nothing. Inline code is kept for everything else: it is
 * what most statements need, and costs no frame per row. Nesting deeper than {@link #MAX_DEPTH}
 * fails when it runs, as SQLite's SQLITE_MAX_TRIGGER_DEPTH does: inline levels are known here,
 * frames are counted by the VM (P3 of {@code Program} says how many inline levels its call lies in). {@code RAISE(IGNORE)}
 * jumps to the label that abandons the row that fired the innermost running trigger; the
 * other RAISEs halt with SQLITE_CONSTRAINT_TRIGGER and the conflict action in P2. Rows a
 * trigger changes do not count in {@code changes()} (see {@link #changeFlags}).
 *
 * <p>Not thread-safe; one per compilation, shared by every statement coded in it.
 */
final class TriggerCodegen {
    /** SQLite's SQLITE_MAX_TRIGGER_DEPTH. */
    static final int MAX_DEPTH = 1000;
    /** OP_Halt's P2 for the RAISE kinds: SQLite's OE_Rollback, OE_Abort, OE_Fail. */
    static final int ON_ERROR_ROLLBACK = 1;
    static final int ON_ERROR_ABORT = 2;
    static final int ON_ERROR_FAIL = 3;
    /** OP_Halt's P2 that ends a sub-program by RAISE(IGNORE) (SQLite's OE_Ignore). */
    private static final int ON_ERROR_IGNORE = 4;
    /** The {@link #ignoreLabels} entry of a trigger's sub-program: RAISE(IGNORE) leaves the frame. */
    private static final int FRAME_IGNORE = 0;

    private final ProgramBuilder b;
    private final SelectCodegen selects;
    /** The triggers whose code is being generated, innermost first. */
    private final Deque<Trigger> running = new ArrayDeque<>();
    /** For each running trigger, where RAISE(IGNORE) goes: past the row that fired it. */
    private final Deque<Integer> ignoreLabels = new ArrayDeque<>();
    private final Map<String, CreateTrigger> parsed = new HashMap<>();
    /** The sub-programs of triggers that fire themselves, by folded name (see {@link #call}). */
    private final Map<String, SubProgram> programs = new HashMap<>();
    /**
     * The register holding last_insert_rowid() from before the inline trigger being coded (0 in
     * a sub-program, whose frame keeps it): P1 of its steps' {@code TriggerStep}.
     */
    private int rowidBeforeTrigger;
    /** How many of {@link #running} run in frames outside the sub-program being compiled (0 in the statement's own code). */
    private int frameBase;
    /** The conflict action of the statement being coded ({@link #withConflict}); null for none. */
    private ConflictAction conflict;
    /** {first, end, depth} of every trigger program coded; depth 1 for those the statement fires. */
    private final List<int[]> ranges = new ArrayList<>();
    /** Every INSERT step of a trigger coded, for {@link #readsInsertTargets}. */
    private final List<InsertStep> insertSteps = new ArrayList<>();
    /**
     * The INSERT … SELECT steps (see {@link #stepKey}) whose source is run to its end before the
     * first row is inserted, as they read the table they fill.
     */
    private java.util.Set<String> materializedSteps = java.util.Set.of();

    /**
     * A trigger's INSERT step coded at {@code [first, end)} in a trigger nested {@code depth}
     * deep, filling {@code target} (null if none); {@code key} names it in {@link #materializedSteps}.
     */
    private record InsertStep(io.turso4j.schema.Table target, int first, int end, int depth, String key) {}

    TriggerCodegen(ProgramBuilder b, SelectCodegen selects) {
        this.b = b;
        this.selects = selects;
    }

    /**
     * The triggers on the table or view {@code target} that fire at {@code timing} for {@code
     * event} (for UPDATE, one setting {@code setColumns}), in SQLite's order — the newest first
     * (those already running included: {@link #fire} calls them only when recursion is on).
     */
    List<Trigger> firing(String target, Trigger.Timing timing, Trigger.Event event, List<String> setColumns) {
        List<Trigger> on = selects.schema().triggersOn(target);
        List<Trigger> out = new ArrayList<>();
        for (int i = on.size() - 1; i >= 0; i--) {
            Trigger t = on.get(i);
            if (t.timing() == timing && t.event() == event
                    && (event != Trigger.Event.UPDATE || t.firesForUpdateOf(setColumns))) {
                out.add(t);
            }
        }
        return out;
    }

    ProgramBuilder builder() {
        return b;
    }

    /** Whether code is being generated for a trigger's body. */
    boolean inTrigger() {
        return !running.isEmpty();
    }

    /**
     * Codes {@code body}, an INSERT, UPDATE or DELETE (or the UPDATE of an UPSERT) whose
     * conflict action is {@code action}: its OR clause, or one imposed on it; null for none.
     * As SQLite's orconf, a non-null one replaces the OR action of the INSERT and UPDATE steps
     * of the triggers the statement fires (lang_createtrigger.html).
     */
    <T> T withConflict(ConflictAction action, java.util.function.Supplier<T> body) {
        ConflictAction outer = conflict;
        conflict = action;
        try {
            return body.get();
        } finally {
            conflict = outer;
        }
    }

    /**
     * The Insert/Delete P5 flags for a row change: as given at the top level; inside a trigger
     * TRIGGER_COUNT, as such rows count in {@code total_changes()} but not in {@code changes()},
     * and LAST_ROWID if given (the trigger's exit restores the value, see {@link #fire}).
     */
    int changeFlags(int flags) {
        return inTrigger() ? ChangeFlags.TRIGGER_COUNT | (flags & ChangeFlags.LAST_ROWID) : flags;
    }

    /** How many trigger levels the code being generated runs inline in its frame (P3 of {@link Opcode#Program}). */
    int inlineLevels() {
        return running.size() - frameBase;
    }

    /** A sub-program's code starts: inline levels count from here; returns what {@link #leaveFrame} restores. */
    int enterFrame() {
        int saved = frameBase;
        frameBase = running.size();
        return saved;
    }

    void leaveFrame(int saved) {
        frameBase = saved;
    }

    /** The code {@code [first, end)} of a sub-program: it runs between rows, as trigger code does. */
    void subProgramCoded(int first, int end) {
        ranges.add(new int[] {first, end, running.size() + 1});
    }

    /** Whether address {@code pc} lies in the code of a trigger program. */
    boolean isTriggerCode(int pc) {
        return isTriggerCode(pc, 0);
    }

    /** Whether {@code pc} lies in a trigger program nested deeper than {@code depth}. */
    private boolean isTriggerCode(int pc, int depth) {
        for (int[] r : ranges) {
            if (pc >= r[0] && pc < r[1] && r[2] > depth) {
                return true;
            }
        }
        return false;
    }

    /** Sets which INSERT … SELECT steps of triggers materialize their source (see {@link #readsInsertTargets}). */
    void materializeSteps(java.util.Set<String> steps) {
        materializedSteps = steps;
    }

    /**
     * Whether a trigger's {@code INSERT … SELECT} that streams its rows reads the table it fills
     * (or one of its indexes), so its rows would be read again as they are added — reads by the
     * triggers that step fires in turn happen between its rows and are fine; adds each such step
     * to {@code steps}, for coding again with their sources materialized, as the top-level
     * INSERT does.
     */
    boolean readsInsertTargets(Program program, java.util.Set<String> steps) {
        boolean found = false;
        for (InsertStep step : insertSteps) {
            if (step.target() == null || materializedSteps.contains(step.key())) {
                continue;
            }
            for (int pc = step.first(); pc < step.end(); pc++) {
                if (program.opcode(pc) == Opcode.OpenRead && program.p4(pc) == null
                        && program.p3(pc) == step.target().db() && readsTree(step.target(), program.p2(pc))
                        && !isTriggerCode(pc, step.depth())) {
                    found |= steps.add(step.key());
                    break;
                }
            }
        }
        return found;
    }

    /** Whether {@code root} is the root page of {@code table} or of one of its indexes. */
    private static boolean readsTree(io.turso4j.schema.Table table, int root) {
        if (root == table.rootPage()) {
            return true;
        }
        for (io.turso4j.schema.Index index : table.indexes()) {
            if (root == index.rootPage()) {
                return true;
            }
        }
        return false;
    }

    /** A body statement with the views it reads replaced by their SELECTs, as the top-level statement's are. */
    private Stmt withViewsExpanded(Stmt step) {
        io.turso4j.schema.Schema schema = selects.schema();
        return switch (step) {
            case Insert insert -> ViewExpander.expand(insert, schema);
            case Update update -> ViewExpander.expand(update, schema);
            case Delete delete -> ViewExpander.expand(delete, schema);
            case Select select -> ViewExpander.expand(select, schema);
            default -> step;
        };
    }

    /** The name of a trigger's {@code index}th body statement, the same in every copy of its code. */
    private static String stepKey(Trigger trigger, int index) {
        return Identifiers.fold(trigger.name()) + "#" + index;
    }

    /**
     * Codes {@code triggers} one after the other for the current row, whose NEW and OLD values
     * are {@code sources} (columns then rowid, see {@link RowTriggers}); {@code ignore} is the
     * label that abandons the row (RAISE(IGNORE)).
     */
    void fire(List<Trigger> triggers, List<Scope.Source> sources, int ignore) {
        for (Trigger t : triggers) {
            if (running.contains(t)) {
                call(t, sources, ignore);
                continue;
            }
            if (running.size() >= MAX_DEPTH) {
                // SQLite finds this when the program runs, so it is a runtime error here too.
                b.emit(Opcode.Halt, ResultCode.ERROR.code(), 0, 0, "too many levels of trigger recursion", 0);
                return;
            }
            int start = b.currentAddress();
            int depth = running.size() + 1;
            // Each firing evaluates the body's uncorrelated subqueries again, as a new frame would.
            int onceReset = b.emit(Opcode.OnceReset, start + 1, 0);
            int savedRowid = b.allocRegister();
            b.emit(Opcode.LastRowid, 0, savedRowid);
            int ignored = b.newLabel();
            running.push(t);
            ignoreLabels.push(ignored);
            int outerRowid = rowidBeforeTrigger;
            rowidBeforeTrigger = savedRowid;
            try {
                // Each level of nesting is a few calls deeper: a thread with a small stack runs
                // out before MAX_DEPTH, and Connection then compiles on a larger one (DeepCompile).
                code(t, parse(t), sources);
            } finally {
                running.pop();
                ignoreLabels.pop();
                rowidBeforeTrigger = outerRowid;
            }
            restoreRowid(savedRowid, ignored, ignore);
            b.changeP2(onceReset, b.currentAddress());
            ranges.add(new int[] {start, b.currentAddress(), depth});
        }
    }

    /**
     * Codes {@code triggers} as calls of their sub-programs, which run only while {@code PRAGMA
     * recursive_triggers} is on (the DELETE triggers of a REPLACE's deletions).
     */
    void callEach(List<Trigger> triggers, List<Scope.Source> sources, int ignore) {
        for (Trigger t : triggers) {
            call(t, sources, ignore);
        }
    }

    /**
     * Codes a call of {@code t}'s sub-program for a trigger that is already running (see the
     * class comment), compiling the sub-program the first time; the row's NEW and OLD blocks are
     * its arguments, and last_insert_rowid() is restored after it as after inline code.
     */
    private void call(Trigger t, List<Scope.Source> sources, int ignore) {
        int width = 0;
        for (Scope.Source s : sources) {
            width += s.columns().size();
        }
        int args = b.allocRegisters(width);
        int at = args;
        for (Scope.Source s : sources) {
            b.emit(Opcode.Copy, s.firstRegister(), at, s.columns().size() - 1);
            at += s.columns().size();
        }
        SubProgram program = programs.get(Identifiers.fold(t.name()));
        if (program == null) {
            program = compile(t, sources, width);
        }
        int savedRowid = b.allocRegister();
        b.emit(Opcode.LastRowid, 0, savedRowid);
        int ignored = b.newLabel();
        b.emit(Opcode.Program, args, ignored, inlineLevels(), program, 1);
        restoreRowid(savedRowid, ignored, ignore);
    }

    /**
     * Leaving a trigger, normally or (at label {@code ignored}) by RAISE(IGNORE), restores
     * last_insert_rowid() from {@code savedRowid}; the ignored path then goes on at {@code ignore}.
     */
    private void restoreRowid(int savedRowid, int ignored, int ignore) {
        int done = b.newLabel();
        b.emit(Opcode.LastRowid, 1, savedRowid);
        b.emit(Opcode.Goto, 0, done);
        b.resolve(ignored);
        b.emit(Opcode.LastRowid, 1, savedRowid);
        b.emit(Opcode.Goto, 0, ignore);
        b.resolve(done);
    }

    /** Compiles {@code t}'s sub-program, jumped over where it lies; its arguments are blocks shaped as {@code sources}. */
    private SubProgram compile(Trigger t, List<Scope.Source> sources, int width) {
        int over = b.newLabel();
        b.emit(Opcode.Goto, 0, over);
        int entry = b.currentAddress();
        int args = b.allocRegisters(width);
        SubProgram program = new SubProgram("trigger " + t.name(), entry, args, width, b.nextCursor());
        programs.put(Identifiers.fold(t.name()), program);
        List<Scope.Source> own = new ArrayList<>();
        int at = args;
        for (Scope.Source s : sources) {
            own.add(new Scope.Source(s.name(), s.columns(), at, s.affinities(), s.collations()));
            at += s.columns().size();
        }
        int savedBase = frameBase;
        int outerRowid = rowidBeforeTrigger;
        rowidBeforeTrigger = 0;
        running.push(t);
        frameBase = running.size();
        ignoreLabels.push(FRAME_IGNORE);
        try {
            // A tree of its own: the expressions of the inline copy this sub-program may be
            // compiled inside are bound to that copy's registers (window results, aggregates).
            code(t, (CreateTrigger) Parser.parse(t.sql()), own);
        } finally {
            running.pop();
            ignoreLabels.pop();
            frameBase = savedBase;
            rowidBeforeTrigger = outerRowid;
        }
        b.emit(Opcode.Halt, 0, 0);
        program.finish(b.currentAddress(), b.allocRegisters(0) - 1, b.nextCursor());
        ranges.add(new int[] {entry, b.currentAddress(), running.size() + 1});
        b.resolve(over);
        return program;
    }

    /** One trigger's program, compiled against its own CREATE TRIGGER text. */
    private void code(Trigger t, CreateTrigger tree, List<Scope.Source> sources) {
        String outerText = selects.swapText(t.sql());
        try {
            program(tree, new Scope(null, sources, true));
        } finally {
            selects.swapText(outerText);
        }
    }

    private CreateTrigger parse(Trigger t) {
        return parsed.computeIfAbsent(Identifiers.fold(t.name()), k -> (CreateTrigger) Parser.parse(t.sql()));
    }

    /** The WHEN test and the body of one trigger, in {@code scope}; the caller's scope is kept. */
    private void program(CreateTrigger trigger, Scope scope) {
        ExprCodegen exprs = selects.exprs();
        Scope saved = exprs.scope();
        int end = b.newLabel();
        try {
            exprs.pushScope(scope);
            if (trigger.when() != null) {
                exprs.jumpIfNotTrue(ViewExpander.expand(trigger.when(), selects.schema()), end);
            }
            for (int i = 0; i < trigger.body().size(); i++) {
                Stmt step = withViewsExpanded(trigger.body().get(i));
                exprs.pushScope(scope);
                // As SQLite's ResetCount after each step that changes rows: its rows count for
                // good once it ends, even if the statement fails later.
                boolean changes = !(step instanceof Select);
                if (changes) {
                    b.emit(Opcode.TriggerStep, rowidBeforeTrigger, 0);
                }
                step(step, stepKey(running.peek(), i));
                if (changes) {
                    b.emit(Opcode.ResetCount, 0, 0);
                }
            }
        } finally {
            exprs.popScope(saved);
        }
        b.resolve(end);
    }

    private void step(Stmt step, String key) {
        if (conflict != null) { // the firing statement's OR action replaces the step's
            step = switch (step) {
                case Insert insert -> insert.withOrAction(conflict);
                case Update update -> update.withOrAction(conflict);
                default -> step;
            };
        }
        switch (step) {
            case Insert insert -> {
                requireTable(insert.table());
                int start = b.currentAddress();
                InsertCodegen.code(b, selects, insert, insert.source() != null && materializedSteps.contains(key), false);
                insertSteps.add(new InsertStep(TableSource.lookup(selects.schema(), insert.table()), start,
                        b.currentAddress(), running.size(), key));
            }
            case Update update -> {
                requireTable(update.table().name());
                ChangeCodegen.update(b, selects, update);
            }
            case Delete delete -> {
                requireTable(delete.table().name());
                ChangeCodegen.delete(b, selects, delete);
            }
            case Select select -> selects.select(select, (first, count) -> {
            });
            default -> throw new IllegalStateException("not a trigger step: " + step);
        }
    }

    /** A body statement's table (or view) is looked up in the trigger's database, and named so when missing. */
    private void requireTable(Name name) {
        if (selects.schema().table(name.name()) == null && selects.schema().view(name.name()) == null) {
            throw ExprCodegen.error("no such table: main." + name.name());
        }
    }

    /** {@code RAISE(…)}: leave the row, or halt with the message (an expression's text). */
    void raise(Expr.Raise r) {
        if (ignoreLabels.isEmpty()) {
            throw ExprCodegen.error("RAISE() may only be used within a trigger-program");
        }
        int onError = switch (r.kind()) {
            case IGNORE -> {
                if (ignoreLabels.peek() == FRAME_IGNORE) {
                    b.emit(Opcode.Halt, 0, ON_ERROR_IGNORE);
                } else {
                    b.emit(Opcode.Goto, 0, ignoreLabels.peek());
                }
                yield 0;
            }
            case ROLLBACK -> ON_ERROR_ROLLBACK;
            case ABORT -> ON_ERROR_ABORT;
            case FAIL -> ON_ERROR_FAIL;
        };
        if (onError == 0) {
            return;
        }
        int code = ResultCode.CONSTRAINT_TRIGGER.code();
        if (r.message() instanceof Expr.Literal l && l.kind() == Expr.LiteralKind.STRING) {
            b.emit(Opcode.Halt, code, onError, 0, l.text(), 0);
        } else if (r.message() instanceof Expr.Column c && c.table() == null) {
            b.emit(Opcode.Halt, code, onError, 0, c.column(), 0);
        } else {
            int message = selects.exprs().codeTemp(r.message());
            b.emit(Opcode.Halt, code, onError, message, null, 0);
        }
    }
}
