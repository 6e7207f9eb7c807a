package io.turso4j.translate;

import io.turso4j.schema.IndexColumn;
import io.turso4j.schema.Table;
import io.turso4j.sql.ast.Expr;
import io.turso4j.value.Affinity;
import io.turso4j.value.Collation;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.vdbe.AffinityCode;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Codes one source's loop for its {@link AccessPath}, as SQLite's wherecode.c: the scan or
 * lookup that positions it on each row in turn, the ON test and unmatched row of a LEFT JOIN, and
 * the step to the next row. The shape, with an IN list on a lookup column:
 * <pre>
 *   (once, before all loops) OpenRead cursors; build an automatic index (of the rows its
 *       source's own terms accept); copied = 0 for an inner scan read from a copy
 *   matched = 0; nullPass = 0                          ; a LEFT JOIN's right side only
 *   values of the IN list (rows of its subquery, under Once) → ephemeral list; Rewind list, done
 *   inTop: Column list → key; Affinity key; IsNull key → exhausted
 *   SeekGE idx, exhausted, key                         ; or Rewind / SeekRowid / Yield …
 *   top: IdxGT idx, exhausted, key                     ; the end of the range
 *        [DeferredSeek idx, tab]                       ; unless the index covers the query
 *        ON terms → next; matched = 1
 *   body: …inner loops, terms, output…
 *   next: [If nullPass → exit]; Next idx, top
 *   exhausted: [IfNoHope idx, (the outer list's step), key, j]  ; an IN on key column j > 0
 *              Next list, inTop
 *   done: [If matched → exit; NullRow …; nullPass = 1; Goto body]
 *   exit:
 * </pre>
 * A MULTI-INDEX OR runs each branch's lookup in turn and calls the body as a subroutine for
 * each row that passes the branch's disjunct and is not yet in a set of the rowids found:
 * <pre>
 *   Null found                                       ; an empty row set
 *   (branch 1's loop) disjunct 1 → next1; [other terms → next1]; Rowid → r;
 *                     RowSetTest found, next1, r (adding r)
 *                     Gosub ret, body; next1: (its step)
 *   (branch 2's loop) …
 *   Goto done
 *   body: …inner loops, terms, output…
 *   next: Return ret
 *   done:
 * </pre>
 * Not thread-safe; one per FROM clause.
 */
final class LoopCodegen {
    /**
     * The loop over an IN list's values on a lookup: its cursor, the address of its top (where
     * the next value is read), the label before its step, its direction, and, for an IN on key
     * column {@code prefix} > 0 that may stop early ({@link Level#inEarlyOut}), the key's first
     * register; 0 otherwise.
     */
    record InLoop(int list, int top, int nextValue, boolean descending, int prefix, int key) {}

    /** One source's loop: what it reads, how, and the labels and registers its code uses. */
    static final class Level {
        final int source;
        final AccessPath path;
        final Scope.Source scope;
        final SourceReader reader;
        final Table table;
        /** A co-routine source's register and start address; -1 for a table. */
        final int coroutine;
        final int start;
        /** A LEFT JOIN's ON terms, or null. */
        final List<Expr> leftOn;
        /** Runs the loop backwards (Last/Prev, SeekLE/LT), to yield an ORDER BY's reverse order. */
        boolean reverse;
        int tableCursor = -1;
        int indexCursor = -1;
        int top = -1;
        int next;
        int done;
        int exhausted;
        int body;
        int matched;
        int nullPass;
        Opcode step;
        int stepCursor;
        final List<InLoop> inLoops = new ArrayList<>();
        /**
         * Whether an IN on a key column after the first may stop early (SQLite's IN early-out):
         * the lookup keeps its index cursor's seek-hit count, and each such IN's loop, before its
         * next value, asks IfNoHope whether any entry still starts with the key columns before it.
         */
        boolean inEarlyOut;
        /** A MULTI-INDEX OR's branch loops (on this level's table cursor, each with its own index cursor). */
        final List<Level> branches = new ArrayList<>();
        /** A MULTI-INDEX OR's register holding the body subroutine's return address. */
        int returnAddress;
        /**
         * A MULTI-INDEX OR's other WHERE terms that each branch tests too, after its disjunct and
         * before the row's rowid is looked for among those found: read from the branch's index
         * where it holds their columns, they spare the body (and its table lookup) the rows they
         * reject, as SQLite's branches test the sub-WHERE it ANDs to each disjunct. The body
         * tests them again.
         */
        final List<Expr> branchFilters = new ArrayList<>();
        /**
         * The WHERE terms that read only this source's own columns and constants: its automatic
         * index keeps only the rows they accept (SQLite's partial automatic index). The loop
         * still tests them.
         */
        final List<Expr> partial = new ArrayList<>();
        /**
         * An inner SCAN whose rows pass {@link #partial} are copied on the loop's first entry in
         * each run of the loops and the copy scanned for every outer row: no outer loop narrows
         * the scan, so it would read the same rows each time (a keyless automatic index; the
         * plan still reads SCAN). A register, set once the copy is made; -1 when not cached.
         */
        int copied = -1;

        Level(int source, AccessPath path, Scope.Source scope, Table table, int coroutine, int start, List<Expr> leftOn) {
            this.source = source;
            this.path = path;
            this.scope = scope;
            this.reader = scope.reader();
            this.table = table;
            this.coroutine = coroutine;
            this.start = start;
            this.leftOn = leftOn;
        }
    }

    private final ProgramBuilder b;
    private final ExprCodegen exprs;

    LoopCodegen(ProgramBuilder b, ExprCodegen exprs) {
        this.b = b;
        this.exprs = exprs;
    }

    /** Codes what runs once before all loops: opening the cursors, building an automatic index. */
    void prologue(Level l) {
        AccessPath p = l.path;
        if (l.table != null && p.kind() != AccessPath.Kind.ROW) {
            l.tableCursor = b.allocCursor();
            if (!p.covering() || p.kind() == AccessPath.Kind.AUTO_INDEX) {
                WithoutRowidTables.open(b, Opcode.OpenRead, l.tableCursor, l.table);
            }
            if (p.kind() == AccessPath.Kind.INDEX) {
                l.indexCursor = b.allocCursor();
                b.emit(Opcode.OpenRead, l.indexCursor, p.index().rootPage(), l.table.db(), IndexKeys.comparator(p.index()), 0);
            }
        }
        for (AccessPath shown : p.branches()) {
            // A branch reads its table's row by rowid even when its index would cover the query.
            AccessPath branch = new AccessPath(shown.kind(), shown.index(), shown.eq(), shown.lower(), shown.upper(),
                    false, shown.cost(), shown.rows(), shown.setup());
            Level sub = new Level(l.source, branch, l.scope, l.table, -1, 0, null);
            sub.tableCursor = l.tableCursor;
            if (branch.kind() == AccessPath.Kind.INDEX) {
                sub.indexCursor = b.allocCursor();
                b.emit(Opcode.OpenRead, sub.indexCursor, branch.index().rootPage(), l.table.db(),
                        IndexKeys.comparator(branch.index()), 0);
            }
            l.branches.add(sub);
        }
        if (p.kind() == AccessPath.Kind.AUTO_INDEX) {
            buildAutoIndex(l, p.eq());
        } else {
            readThrough(l);
            if (l.copied >= 0) {
                b.emit(Opcode.Integer, 0, l.copied);
            }
        }
    }

    /**
     * Whether an inner SCAN of {@code l} should read a copy of the rows its {@link Level#partial}
     * terms accept (see {@link Level#copied}): a stored table's plain forward scan.
     */
    static boolean cacheable(Level l) {
        return l.path.kind() == AccessPath.Kind.SCAN && l.table != null && !l.partial.isEmpty()
                && l.leftOn == null && !l.reverse && (l.reader == null || l.reader.function() == null);
    }

    /**
     * What {@link #prologue} codes for a table's SCAN, ROWID or INDEX path, on cursors the caller
     * opened for writing ({@code indexCursor} is the path's index's, or -1): a one-pass DELETE or
     * UPDATE changes each row under its own loop (see ChangeCodegen).
     */
    void prologueOn(Level l, int tableCursor, int indexCursor) {
        l.tableCursor = tableCursor;
        l.indexCursor = indexCursor;
        readThrough(l);
    }

    /** Makes the level's reader read through its cursors, as its path allows. */
    private void readThrough(Level l) {
        AccessPath p = l.path;
        if (p.covering() && !l.table.hasRowid() && p.index().isPrimaryKey()) {
            l.reader.useTable(l.indexCursor); // a WITHOUT ROWID table's own b-tree: read as the table is
        } else if (p.covering()) {
            l.reader.useIndex(l.indexCursor, JoinPlanner.fields(p.index(), l.table));
        } else if (p.kind() == AccessPath.Kind.INDEX && l.table.hasRowid()) {
            l.reader.useIndexFirst(l.indexCursor, JoinPlanner.fields(p.index(), l.table), l.tableCursor);
        } else if (l.table != null) {
            l.reader.useTable(l.tableCursor);
        }
    }

    /**
     * Fills a transient index with the source's rows that pass its {@link Level#partial} terms:
     * the lookup columns {@code eq} (with the comparison's affinity applied) then every column
     * as it is, so the index alone serves the loop. Without lookup columns the rows keep their
     * order (the sorter keeps equal keys in insertion order).
     */
    private void buildAutoIndex(Level l, List<WhereTerm.Constraint> eq) {
        int k = eq.size();
        int width = l.scope.width();
        Collation[] collations = new Collation[k];
        StringBuilder affinities = new StringBuilder();
        for (int i = 0; i < k; i++) {
            collations[i] = eq.get(i).collation();
            affinities.append((char) AffinityCode.of(comparison(eq.get(i))));
        }
        l.indexCursor = b.allocCursor();
        b.emit(Opcode.SorterOpen, l.indexCursor, k + width, 0, new IndexKeyComparator(collations, new boolean[k]), 0);
        int fields = b.allocRegisters(k + width);
        int record = b.allocRegister();
        int end = b.newLabel();
        int loop;
        if (l.table != null) {
            l.reader.useTable(l.tableCursor);
            b.emit(Opcode.Rewind, l.tableCursor, end);
            loop = b.currentAddress();
        } else {
            b.emit(Opcode.InitCoroutine, l.coroutine, 0, l.start);
            loop = b.emit(Opcode.Yield, l.coroutine, end);
        }
        int skip = b.newLabel();
        for (Expr term : l.partial) {
            exprs.jumpIfNotTrue(term, skip);
        }
        for (int i = 0; i < k; i++) {
            l.scope.read(b, eq.get(i).column(), fields + i);
        }
        if (k > 0) {
            b.emit(Opcode.Affinity, fields, k, 0, affinities.toString(), 0);
        }
        for (int i = 0; i < width; i++) {
            l.scope.read(b, i, fields + k + i);
        }
        b.emit(Opcode.MakeRecord, fields, k + width, record);
        b.emit(Opcode.SorterInsert, l.indexCursor, record);
        b.resolve(skip);
        if (l.table != null) {
            b.emit(Opcode.Next, l.tableCursor, loop);
        } else {
            b.emit(Opcode.Goto, 0, loop);
        }
        b.resolve(end);
        int[] map = new int[width];
        for (int i = 0; i < width; i++) {
            map[i] = k + i;
        }
        l.reader.useIndex(l.indexCursor, map);
    }

    /** The affinity both sides of an automatic index's equality are brought to before comparing. */
    /**
     * The affinity a stored index's key column gives a probe value (sqlite3IndexAffinityStr):
     * INTEGER and REAL columns probe as NUMERIC, so an integer probe of a REAL column stays an
     * integer and compares exactly (9223372036854775806 is below the REAL 2^63, not equal to it).
     */
    private static Affinity indexProbe(Affinity probe) {
        return probe == Affinity.INTEGER || probe == Affinity.REAL ? Affinity.NUMERIC : probe;
    }

    private static Affinity comparison(WhereTerm.Constraint c) {
        return c.probe() == Affinity.NONE ? Affinity.NONE : c.probe().isNumeric() ? Affinity.NUMERIC : Affinity.TEXT;
    }

    /** Opens the loop: on return the source is on its row and ON terms have passed (see class comment). */
    void open(Level l) {
        boolean left = l.leftOn != null;
        if (left) {
            l.matched = b.allocRegister();
            l.nullPass = b.allocRegister();
            b.emit(Opcode.Integer, 0, l.matched);
            b.emit(Opcode.Integer, 0, l.nullPass);
        }
        l.done = b.newLabel();
        l.next = b.newLabel();
        l.body = b.newLabel();
        l.exhausted = l.done;
        AccessPath p = l.path;
        switch (p.kind()) {
            case ROW -> {
            }
            case SCAN -> {
                if (l.reader != null && l.reader.function() != null) {
                    FunctionSources.open(b, exprs, l);
                } else if (l.table == null) {
                    b.emit(Opcode.InitCoroutine, l.coroutine, 0, l.start);
                    l.top = b.emit(Opcode.Yield, l.coroutine, l.done);
                    l.step = Opcode.Goto;
                } else if (l.copied >= 0) {
                    int ready = b.newLabel();
                    b.emit(Opcode.If, l.copied, ready, 0);
                    buildAutoIndex(l, List.of());
                    b.emit(Opcode.Integer, 1, l.copied);
                    b.resolve(ready);
                    b.emit(Opcode.Rewind, l.indexCursor, l.done);
                    l.top = b.currentAddress();
                    l.step = Opcode.Next;
                    l.stepCursor = l.indexCursor;
                } else {
                    b.emit(l.reverse ? Opcode.Last : Opcode.Rewind, l.tableCursor, l.done);
                    l.top = b.currentAddress();
                    l.step = l.reverse ? Opcode.Prev : Opcode.Next;
                    l.stepCursor = l.tableCursor;
                }
            }
            case ROWID_EQ -> {
                int key = lookupKey(l);
                b.emit(Opcode.SeekRowid, l.tableCursor, l.exhausted, key);
            }
            case ROWID_RANGE -> rowidRange(l);
            case INDEX, AUTO_INDEX -> indexRange(l);
            case MULTI_OR -> multiOr(l);
        }
        if (left) {
            for (Expr term : l.leftOn) {
                if (!consumed(l.path, term)) {
                    exprs.jumpIfNotTrue(term, l.next);
                }
            }
            b.emit(Opcode.Integer, 1, l.matched);
        }
        b.resolve(l.body);
    }

    /**
     * Whether the lookup of {@code path} ensures the ON term {@code term}: it need not be tested
     * again (an IN subquery's list would otherwise be built a second time, for the test).
     */
    private static boolean consumed(AccessPath path, Expr term) {
        for (WhereTerm.Constraint c : path.eq()) {
            if (c.term().expr() == term && path.consumes(c.term())) {
                return true;
            }
        }
        return false;
    }

    /** A MULTI-INDEX OR's branch loops, each calling the body for its new rows (see class comment). */
    private void multiOr(Level l) {
        int found = b.allocRegister();
        b.emit(Opcode.Null, 0, found);
        l.returnAddress = b.allocRegister();
        int rowid = b.allocRegister();
        List<WhereTerm.Disjunct> disjuncts = l.path.or().disjuncts();
        for (int i = 0; i < l.branches.size(); i++) {
            Level branch = l.branches.get(i);
            open(branch);
            if (branch.path.kind() == AccessPath.Kind.INDEX) {
                // The disjunct reads what it can from the branch's index, before any table lookup.
                l.reader.useIndexFirst(branch.indexCursor, JoinPlanner.fields(branch.path.index(), l.table),
                        l.tableCursor);
            }
            exprs.jumpIfNotTrue(disjuncts.get(i).expr(), branch.next);
            for (Expr filter : l.branchFilters) {
                exprs.jumpIfNotTrue(filter, branch.next);
            }
            l.reader.useTable(l.tableCursor);
            b.emit(Opcode.Rowid, l.tableCursor, rowid);
            // The last branch's rows are looked for, never added: no later branch asks.
            b.emit(Opcode.RowSetTest, found, branch.next, rowid, i < l.branches.size() - 1 ? 1 : 0, 0);
            b.emit(Opcode.Gosub, l.returnAddress, l.body);
            close(branch);
        }
        b.emit(Opcode.Goto, 0, l.done);
    }

    /**
     * Codes the values of the path's EQ/IN/ISNULL constraints into a key block (each IN list
     * becomes a loop over its distinct values), applies the probe affinities, and skips to the
     * next key when an EQ or IN value is NULL (it equals nothing; IS NULL looks NULL up). Returns the key's first register.
     */
    private int lookupKey(Level l) {
        List<WhereTerm.Constraint> eq = l.path.eq();
        int k = eq.size();
        int key = b.allocRegisters(k + 1);
        StringBuilder affinities = new StringBuilder();
        for (int i = 0; i < k; i++) {
            WhereTerm.Constraint c = eq.get(i);
            Affinity probe = l.path.kind() == AccessPath.Kind.AUTO_INDEX ? comparison(c)
                    : l.path.kind() == AccessPath.Kind.ROWID_EQ ? Affinity.INTEGER : indexProbe(c.probe());
            affinities.append((char) AffinityCode.of(probe));
            if (c.op() == WhereTerm.Op.ISNULL) {
                b.emit(Opcode.Null, 0, key + i);
            } else if (c.op() != WhereTerm.Op.IN) {
                exprs.code(c.value(), key + i);
            }
        }
        l.inEarlyOut = l.path.kind() == AccessPath.Kind.INDEX && laterKeyColumnIn(eq);
        if (l.inEarlyOut) {
            b.emit(Opcode.SeekHit, l.indexCursor, 0, 0); // new outer values: nothing known yet
        }
        // Per row value IN: its list's cursor, run through once for all its columns.
        Map<WhereTerm, Integer> rowLists = new IdentityHashMap<>(4);
        int[] listColumn = new int[k];
        for (int i = 0; i < k; i++) {
            WhereTerm.Constraint c = eq.get(i);
            if (c.op() == WhereTerm.Op.IN && c.width() > 1) {
                Integer list = rowLists.get(c.term());
                if (list == null) {
                    list = rowInLoop(l, c.term(), affinities, listColumn);
                    rowLists.put(c.term(), list);
                }
                if (listColumn[i] == IndexColumn.ROWID) {
                    b.emit(Opcode.Rowid, list, key + i);
                } else {
                    b.emit(Opcode.Column, list, listColumn[i], key + i);
                }
            } else if (c.op() == WhereTerm.Op.IN) {
                // As SQLite, the values in the order of the index column (descending for DESC).
                boolean desc = l.path.kind() == AccessPath.Kind.INDEX && l.path.index().keyColumns().get(i).desc();
                inLoop(l, c, key, i, affinities.charAt(i), desc != l.reverse);
            }
        }
        if (k > 0) {
            b.emit(Opcode.Affinity, key, k, 0, affinities.toString(), 0);
            for (int i = 0; i < k; i++) {
                if (eq.get(i).op() != WhereTerm.Op.ISNULL) {
                    b.emit(Opcode.IsNull, key + i, l.exhausted);
                }
            }
        }
        return key;
    }

    /** Whether a one-column IN constrains a key column after the first. */
    private static boolean laterKeyColumnIn(List<WhereTerm.Constraint> eq) {
        for (int i = 1; i < eq.size(); i++) {
            if (eq.get(i).op() == WhereTerm.Op.IN && eq.get(i).width() == 1) {
                return true;
            }
        }
        return false;
    }

    /**
     * A loop over the distinct values of an IN list or subquery (converted by {@code affinity})
     * into {@code target}, in ascending order or, when {@code descending}, descending. A
     * subquery's values may be read in place from a table's rowids or a UNIQUE index
     * ({@link SubqueryCodegen#list}), forwards or, for values descending, backwards through it
     * (the other way round for a DESC index).
     */
    private void inLoop(Level l, WhereTerm.Constraint c, int key, int prefix, char affinity, boolean descending) {
        int target = key + prefix;
        int list = b.allocCursor();
        Collation collation = l.path.kind() == AccessPath.Kind.ROWID_EQ ? null : c.listCollation();
        IndexKeyComparator order = new IndexKeyComparator(new Collation[] {collation}, new boolean[1]);
        InIndex.Use stored = null;
        if (c.subquery() != null) {
            stored = exprs.subqueries().list(c.subquery(), list, order, String.valueOf(affinity), new int[] {0}, 1);
        } else {
            // A list of constants is the same for every outer row: built once, as SQLite's is.
            boolean constant = c.values().stream().allMatch(ExprTyping::isConstant);
            int built = b.newLabel();
            if (constant) {
                b.emit(Opcode.Once, 0, built);
            }
            b.emit(Opcode.OpenEphemeral, list, 1, 0, order, 0);
            int value = b.allocRegister();
            int record = b.allocRegister();
            for (Expr v : c.values()) {
                exprs.code(v, value);
                b.emit(Opcode.MakeRecord, value, 1, record, String.valueOf(affinity), 0);
                b.emit(Opcode.IdxInsert, list, record);
            }
            if (constant) {
                b.resolve(built);
            }
        }
        if (stored != null && stored.descending()) {
            descending = !descending;
        }
        b.emit(descending ? Opcode.Last : Opcode.Rewind, list, l.exhausted);
        int top = stored != null && stored.index() == null ? b.emit(Opcode.Rowid, list, target)
                : b.emit(Opcode.Column, list, 0, target);
        int nextValue = b.newLabel();
        if (l.inEarlyOut) {
            // a new value for this column: what was known of longer key prefixes no longer holds
            b.emit(Opcode.SeekHit, l.indexCursor, 0, prefix);
        }
        l.inLoops.add(new InLoop(list, top, nextValue, descending, l.inEarlyOut ? prefix : 0, key));
        l.exhausted = nextValue;
    }

    /**
     * A loop over the distinct rows of a row value IN's subquery, of the columns the lookup uses
     * (each converted by the affinity of the key column it looks up: {@code affinities}, by key
     * position); sets {@code listColumn} (by key position) to each one's column in the list
     * ({@link IndexColumn#ROWID} for a table's rowids read in place) and returns the list's
     * cursor, on the current row inside the loop.
     */
    private int rowInLoop(Level l, WhereTerm term, CharSequence affinities, int[] listColumn) {
        List<WhereTerm.Constraint> eq = l.path.eq();
        WhereTerm.Constraint any = null;
        // The list holds the columns the lookup uses, in the row value's order.
        TreeMap<Integer, Integer> used = new TreeMap<>();
        for (int i = 0; i < eq.size(); i++) {
            if (eq.get(i).term() == term) {
                any = eq.get(i);
                used.put(eq.get(i).part(), i);
            }
        }
        int n = used.size();
        int[] columns = new int[n];
        char[] affinity = new char[n];
        Collation[] collations = new Collation[n];
        int at = 0;
        for (var e : used.entrySet()) {
            columns[at] = e.getKey();
            affinity[at] = affinities.charAt(e.getValue());
            collations[at] = eq.get(e.getValue()).listCollation();
            listColumn[e.getValue()] = at++;
        }
        int list = b.allocCursor();
        InIndex.Use stored = exprs.subqueries().list(any.subquery(), list,
                new IndexKeyComparator(collations, new boolean[n]), new String(affinity), columns, any.width());
        if (stored != null) {
            // Read in place: each column where the table's rowids or index holds it.
            for (int i = 0; i < eq.size(); i++) {
                if (eq.get(i).term() == term) {
                    listColumn[i] = stored.index() == null ? IndexColumn.ROWID : stored.map()[listColumn[i]];
                }
            }
        }
        b.emit(Opcode.Rewind, list, l.exhausted);
        int top = b.currentAddress();
        int nextValue = b.newLabel();
        l.inLoops.add(new InLoop(list, top, nextValue, false, 0, 0));
        l.exhausted = nextValue;
        return list;
    }

    private void rowidRange(Level l) {
        AccessPath p = l.path;
        // Forwards: seek to the lower bound, stop past the upper; backwards the other way round.
        WhereTerm.Constraint start = l.reverse ? p.upper() : p.lower();
        WhereTerm.Constraint stop = l.reverse ? p.lower() : p.upper();
        int end = b.allocRegister();
        if (stop != null) {
            exprs.code(stop.value(), end);
        }
        if (start != null) {
            int bound = b.allocRegister();
            exprs.code(start.value(), bound);
            Opcode seek = switch (start.op()) {
                case GT -> Opcode.SeekGT;
                case GE -> Opcode.SeekGE;
                case LT -> Opcode.SeekLT;
                default -> Opcode.SeekLE;
            };
            b.emit(seek, l.tableCursor, l.done, bound, 1, 0);
        } else {
            b.emit(l.reverse ? Opcode.Last : Opcode.Rewind, l.tableCursor, l.done);
        }
        l.top = b.currentAddress();
        if (stop != null) {
            // Rows come in rowid order: the first one past the bound ends the loop.
            int rowid = b.allocRegister();
            b.emit(Opcode.Rowid, l.tableCursor, rowid);
            Opcode past = switch (stop.op()) {
                case LT -> Opcode.Ge;
                case LE -> Opcode.Gt;
                case GT -> Opcode.Le;
                default -> Opcode.Lt;
            };
            b.emit(past, end, l.done, rowid, null, AffinityCode.of(Affinity.NUMERIC) | AffinityCode.JUMPIFNULL);
        }
        l.step = l.reverse ? Opcode.Prev : Opcode.Next;
        l.stepCursor = l.tableCursor;
    }

    /**
     * An index (stored or automatic): seek to the key's first entry, stop past its last; or,
     * backwards, seek to its last entry and stop before its first. NULLs sort first (last in a
     * DESC column) and satisfy no range, so a range without a lower bound stops at (or starts
     * past) the NULLs.
     */
    private void indexRange(Level l) {
        AccessPath p = l.path;
        int k = p.eq().size();
        int key = lookupKey(l);
        boolean range = p.lower() != null || p.upper() != null;
        if (p.lower() != null) {
            bound(l, p.lower(), key + k);
        } else if (range) {
            b.emit(Opcode.Null, 0, key + k);
        }
        int high = -1;
        if (p.upper() != null) {
            high = b.allocRegisters(k + 1);
            if (k > 0) {
                b.emit(Opcode.Copy, key, high, k - 1);
            }
            bound(l, p.upper(), high + k);
        }
        Opcode seek;
        int seekKey = key;
        int seekLength = range ? k + 1 : k;
        Opcode endTest = null;
        int endKey = key;
        int endLength = k;
        boolean desc = range && p.index().keyColumns().get(k).desc();
        if (desc && !l.reverse) {
            // A DESC column holds its largest values first and its NULLs last: start at the
            // upper bound, stop past the lower one (a NULL key when there is none).
            if (p.upper() != null) {
                seek = p.upper().op() == WhereTerm.Op.LT ? Opcode.SeekGT : Opcode.SeekGE;
                seekKey = high;
            } else {
                seek = Opcode.SeekGE;
                seekLength = k;
            }
            endTest = p.lower() != null && p.lower().op() == WhereTerm.Op.GE ? Opcode.IdxGT : Opcode.IdxGE;
            endLength = k + 1;
        } else if (desc) {
            seek = p.lower() != null && p.lower().op() == WhereTerm.Op.GE ? Opcode.SeekLE : Opcode.SeekLT;
            if (p.upper() != null) {
                endTest = p.upper().op() == WhereTerm.Op.LT ? Opcode.IdxLE : Opcode.IdxLT;
                endKey = high;
                endLength = k + 1;
            } else if (k > 0) {
                endTest = Opcode.IdxLT;
            }
        } else if (!l.reverse) {
            seek = p.lower() != null && p.lower().op() == WhereTerm.Op.GE ? Opcode.SeekGE
                    : range ? Opcode.SeekGT : Opcode.SeekGE;
            if (p.upper() != null) {
                endTest = p.upper().op() == WhereTerm.Op.LT ? Opcode.IdxGE : Opcode.IdxGT;
                endKey = high;
                endLength = k + 1;
            } else if (k > 0) {
                endTest = Opcode.IdxGT;
            }
        } else {
            if (p.upper() != null) {
                seek = p.upper().op() == WhereTerm.Op.LT ? Opcode.SeekLT : Opcode.SeekLE;
                seekKey = high;
            } else {
                seek = Opcode.SeekLE;
                seekLength = k;
            }
            if (range) {
                endTest = p.lower() != null && p.lower().op() == WhereTerm.Op.GE ? Opcode.IdxLT : Opcode.IdxLE;
                endLength = k + 1;
            } else if (k > 0) {
                endTest = Opcode.IdxLT;
            }
        }
        if (seekLength == 0) {
            b.emit(l.reverse ? Opcode.Last : Opcode.Rewind, l.indexCursor, l.exhausted);
        } else {
            b.emit(seek, l.indexCursor, l.exhausted, seekKey, seekLength, 0);
        }
        l.top = b.currentAddress();
        if (endTest != null) {
            b.emit(endTest, l.indexCursor, l.exhausted, endKey, endLength, 0);
        }
        if (l.inEarlyOut) {
            b.emit(Opcode.SeekHit, l.indexCursor, k, k); // an entry starts with the whole key
        }
        if (!p.covering() && l.table.hasRowid()) {
            b.emit(Opcode.DeferredSeek, l.indexCursor, 0, l.tableCursor);
        } else if (!p.covering()) {
            int rowid = b.allocRegister();
            WithoutRowidTables.keyFromEntry(b, l.table, p.index(), l.indexCursor, rowid);
            WithoutRowidTables.seekRow(b, l.table, l.tableCursor, l.next, rowid);
        }
        l.step = l.reverse ? Opcode.Prev : Opcode.Next;
        l.stepCursor = l.indexCursor;
    }

    /** Codes a range bound's value into {@code target} as the index compares it; NULL matches nothing. */
    private void bound(Level l, WhereTerm.Constraint c, int target) {
        exprs.code(c.value(), target);
        b.emit(Opcode.Affinity, target, 1, 0, String.valueOf((char) AffinityCode.of(indexProbe(c.probe()))), 0);
        b.emit(Opcode.IsNull, target, l.exhausted);
    }

    /**
     * Whether level {@code l} tests {@code t} before its deferred seek positions the table's
     * row (SQLite's first pass over a loop's terms, which spares the seek for the entries such
     * terms reject): {@code t} holds no subquery and reads at least one column of the level's
     * source, each from its index entry. A term that reads only other sources stays in order.
     */
    static boolean testedBeforeSeek(Level l, WhereTerm t, Scope scope) {
        return l.reader != null && !WhereTerm.holdsSubquery(t) && columnsBeforeSeek(t.expr(), l, scope) > 0;
    }

    /** How many reads of level {@code l}'s columns {@code e} makes, all before the seek; else -1. */
    private static int columnsBeforeSeek(Expr e, Level l, Scope scope) {
        if (e instanceof Expr.Column c) {
            Scope.Resolved r = scope.find(c);
            if (r == null || r.source() != l.scope) {
                return 0;
            }
            return l.reader.readBeforeSeek(r.index()) ? 1 : -1;
        }
        int reads = 0;
        for (Expr child : ExprTyping.children(e)) {
            int n = columnsBeforeSeek(child, l, scope);
            if (n < 0) {
                return -1;
            }
            reads += n;
        }
        return reads;
    }

    /** Closes the loop {@link #open} opened (see class comment). */
    void close(Level l) {
        b.resolve(l.next);
        int exit = b.newLabel();
        boolean left = l.leftOn != null;
        if (left) {
            b.emit(Opcode.If, l.nullPass, exit, 0);
        }
        if (l.path.kind() == AccessPath.Kind.MULTI_OR) {
            b.emit(Opcode.Return, l.returnAddress, 0);
        }
        if (l.step == Opcode.Goto) {
            b.emit(Opcode.Goto, 0, l.top);
        } else if (l.step != null) {
            b.emit(l.step, l.stepCursor, l.top);
        }
        for (int i = l.inLoops.size() - 1; i >= 0; i--) {
            InLoop in = l.inLoops.get(i);
            b.resolve(in.nextValue());
            int outer = b.newLabel();
            if (in.prefix() > 0) {
                b.emit(Opcode.IfNoHope, l.indexCursor, outer, in.key(), in.prefix(), 0);
            }
            b.emit(in.descending() ? Opcode.Prev : Opcode.Next, in.list(), in.top());
            b.resolve(outer);
        }
        b.resolve(l.done);
        if (left) {
            b.emit(Opcode.If, l.matched, exit, 0);
            l.reader.nullRow(b, l.scope.width());
            b.emit(Opcode.Integer, 1, l.nullPass);
            b.emit(Opcode.Goto, 0, l.body);
        }
        b.resolve(exit);
    }
}
