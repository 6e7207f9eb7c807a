package io.turso4j.vdbe;

/**
 * The VM's instructions, named and laid out as SQLite's (sqlite.org/opcode.html) so that
 * {@code EXPLAIN} reads side by side with sqlite3's. The comment on each states what it does
 * with P1..P5 here; "jump" always means to the address in P2 unless said otherwise.
 *
 * <p>Arithmetic and concatenation compute {@code r[P3] = r[P2] op r[P1]}, as SQLite's code
 * generator puts the left operand in P2.
 */
public enum Opcode {
    /** Start of the program: jump to P2. */
    Init(true),
    /** Jump to P2. */
    Goto(true),
    /** Stop. P1 = result code (0 = OK), P4 = error message. */
    Halt(false),
    /** r[P2] = P1. */
    Integer(false),
    /** r[P2] = P4 (a Long). */
    Int64(false),
    /** r[P2] = P4 (a Double). */
    Real(false),
    /** r[P2] = P4 (a String). */
    String8(false),
    /** r[P2..P3] = NULL (just r[P2] when P3 is 0). */
    Null(false),
    /** r[P2] = P4 (a byte[]). */
    Blob(false),
    /** r[P2] = parameter P1. */
    Variable(false),
    /** Move P3 registers from r[P1] to r[P2], leaving the sources NULL. */
    Move(false),
    /** Copy P3+1 registers from r[P1] to r[P2]. */
    Copy(false),
    /** r[P2] = r[P1] (a shallow copy in SQLite; a full copy here). */
    SCopy(false),
    /** Output the row r[P1..P1+P2). */
    ResultRow(false),
    Add(false),
    Subtract(false),
    Multiply(false),
    Divide(false),
    Remainder(false),
    Concat(false),
    BitAnd(false),
    BitOr(false),
    ShiftLeft(false),
    ShiftRight(false),
    /** r[P3] = r[P1] AND r[P2], three-valued. */
    And(false),
    /** r[P3] = r[P1] OR r[P2], three-valued. */
    Or(false),
    /** r[P2] = NOT r[P1]. */
    Not(false),
    /** r[P2] = ~r[P1]. */
    BitNot(false),
    /** r[P2] = (P3 if r[P1] is NULL, else whether r[P1] is true) XOR P4 (an Integer, 0 or 1): IS [NOT] TRUE/FALSE. */
    IsTrue(false),
    /** r[P2] = NULL if r[P1] or r[P3] is NULL, else 0. */
    ZeroOrNull(false),
    /** Compare r[P3] with r[P1] (P5 = affinity and flags, P4 = collation); jump if r[P3] == r[P1]. */
    Eq(true),
    Ne(true),
    Lt(true),
    Le(true),
    Gt(true),
    Ge(true),
    /** Jump if r[P1] is true; if NULL, jump when P3 is non-zero. */
    If(true),
    /** Jump if r[P1] is false; if NULL, jump when P3 is non-zero. */
    IfNot(true),
    IsNull(true),
    NotNull(true),
    /** r[P3] = P4(r[P2 .. P2+P5)), a scalar function call. */
    Function(false),
    /** Feed r[P2 .. P2+P5) to the aggregate whose accumulator lives at register P3. */
    AggStep(false),
    /** r[P1] = the result of the aggregate whose accumulator lives at register P1. */
    AggFinal(false),
    /** Cast r[P1] to the affinity named by P2 (SQLite's 'A'..'E'). */
    Cast(false),
    /** Apply the affinities in P4 (one char per register) to r[P1 .. P1+P2). */
    Affinity(false),
    /** Make r[P1] a REAL if it is an INTEGER (reading a column of REAL affinity). */
    RealAffinity(false),
    /** Make r[P1] an integer or fail with "datatype mismatch" (jump to P2 instead when P2 != 0). */
    MustBeInt(true),
    /** Jump when r[P1] > 0, after subtracting P3 from it. */
    IfPos(true),
    /** r[P2] = r[P1] + max(r[P3], 0) when r[P1] > 0, else -1 (the LIMIT+OFFSET counter). */
    OffsetLimit(false),
    /** Decrement r[P1]; jump when it reaches zero. */
    DecrJumpZero(true),
    /** Fall through the first time this instruction runs; jump every later time. */
    Once(true),
    /**
     * Forget which {@code Once} instructions at addresses P1 .. P2-1 have run: the start of a
     * trigger coded inline, whose uncorrelated subqueries are evaluated afresh at each firing as
     * in SQLite's sub-program frames (no SQLite opcode: SQLite never inlines triggers).
     */
    OnceReset(false),
    /** r[P1] = pc; jump to P2. */
    Gosub(true),
    /** Jump to r[P1] + 1. */
    Return(false),
    /** r[P1] = P3 - 1; jump to P2 (if not 0): starts a coroutine at P3. */
    InitCoroutine(true),
    /** Swap pc with r[P1] (resume the coroutine or its caller). */
    Yield(true),
    /** Jump to the P2 of the Yield at address r[P1]: the coroutine is finished. */
    EndCoroutine(false),
    /** Does nothing (a jump target, or an instruction patched away). */
    Noop(false),
    /**
     * Jumps to P2 when the connection does not enforce foreign keys ({@code PRAGMA foreign_keys}
     * off), so the checks compiled into INSERT, UPDATE and DELETE follow the setting at run time.
     */
    FkIfDisabled(true),
    /**
     * Add P2 to the connection's count of deferred foreign key violations (SQLite's with P1 = 1);
     * with P1 = 0 to the statement's count in r[P3] instead, unless {@code PRAGMA
     * defer_foreign_keys} is on.
     */
    FkCounter(false),
    /**
     * Jump to P2 when the connection has no deferred foreign key violation pending (SQLite's
     * with P1 = 1); with P3 = 1 also when an explicit transaction is open, as COMMIT checks them then.
     * With P1 = 0: jump when r[P3], the statement's count, is 0 and, while {@code PRAGMA
     * defer_foreign_keys} is on, the connection's too.
     */
    FkIfZero(true),
    /** Jump to P2 while {@code PRAGMA defer_foreign_keys} is on: immediate checks are deferred. */
    FkIfDeferred(true),
    /**
     * An INSERT, UPDATE or DELETE step of a trigger program begins; r[P1] (P1 &gt; 0) holds
     * last_insert_rowid() as it was before the trigger, which a failure inside restores. Its
     * rows leave total_changes() again if the statement fails before its {@code ResetCount}.
     */
    TriggerStep(false),
    /** The trigger step ended (SQLite's ResetCount): its rows stay counted even if the statement fails. */
    ResetCount(false),
    /**
     * Run the {@link SubProgram} in P4 in a frame of its own, its arguments copied from r[P1…]
     * (see {@link Frames}); jump to P2 when it ends by RAISE(IGNORE). P3 = the trigger levels the
     * caller runs inline around this instruction (they count towards the depth limit); P5 = 1:
     * only while {@code PRAGMA recursive_triggers} is on (a trigger firing itself).
     */
    Program(true),
    /**
     * Set the connection's autocommit mode to P1 (BEGIN: 0; COMMIT, ROLLBACK: 1), rolling back
     * when P2 is 1; fails as SQLite does when the mode is already P1.
     */
    AutoCommit(false),
    /** r[P2] = the root page of a new, empty B-tree: a table tree when P1 is 0, an index tree when 1. */
    CreateBtree(false),
    /**
     * Free every page of the tree rooted at page P1; r[P2] = the root page an auto-vacuum
     * database moved into P1's place (its sqlite_schema row must say P1 now), or 0.
     */
    Destroy(false),
    /** Delete every entry of the tree rooted at page P1, keeping its root; r[P3] += how many (when P3 != 0). */
    Clear(false),
    /**
     * Write P3 to database header meta value P1 (1 = schema cookie, 2 = schema format …);
     * with P5 = 1 only when the value there is smaller than P3 (the schema format of a new file).
     */
    SetCookie(false),
    /** The schema changed: the connection reloads it from sqlite_schema before its next prepare. */
    ParseSchema(false),
    /**
     * ATTACH the file named by r[P2] as the database named r[P3]; with P1 = 1 DETACH the
     * database named r[P3]. (SQLite runs these as the functions sqlite_attach/sqlite_detach.)
     */
    Attach(false),
    /**
     * turso4j's: P1 = 0: r[P2] = the connection's last_insert_rowid(); P1 = 1: set it to r[P2].
     * A trigger program saves it on entry and restores it on exit, as SQLite's VdbeFrame does,
     * so the rows a trigger inserts are seen by last_insert_rowid() only while it runs.
     */
    LastRowid(false),
    /**
     * Start the write transaction when P2 is non-zero (BEGIN IMMEDIATE/EXCLUSIVE); the read
     * transaction every statement runs in is begun by the connection before the first step.
     * Another writer makes the step return BUSY with the pc left here, to be retried.
     */
    Transaction(false),
    /** P1 = 0: open savepoint P4 (a String); 1: RELEASE it; 2: ROLLBACK TO it. */
    Savepoint(false),
    /** r[P2] = database header meta value P3 (same numbering as {@link #SetCookie}; 0 = free page count). */
    ReadCookie(false),
    /** r[P2] = the number of pages in the database. */
    Pagecount(false),
    /** r[P2] = the journal mode after asking for mode P4 (a String, or null to only read it). */
    JournalMode(false),
    /** Checkpoint the WAL in mode P4 (a CheckpointMode); r[P3..P3+2] = busy, log frames, checkpointed frames. */
    Checkpoint(false),
    /**
     * Check the storage of the trees in P4 (an IntegrityRoots) of database P2; r[P1] = their
     * problems as one text, or NULL; r[P3] -= the number of problems.
     */
    IntegrityCk(false),
    /** Release up to P1 free pages of an incremental-vacuum database (0 = all). */
    IncrVacuum(false),
    /**
     * Rebuild the main database compactly (SQLite's VACUUM): in place in the statement's
     * write transaction when P2 is 0, else into the new file named by r[P2] (VACUUM INTO). P4
     * is a VacuumTrees.
     */
    Vacuum(false),
    /**
     * turso4j's: read setting P1 (a PragmaSetting ordinal) into r[P2] (when P2 is not 0), after
     * setting it to P4 when P3 is 1. SQLite applies these at prepare time; here they apply
     * when the statement runs, so preparing has no side effects.
     */
    Pragma(false),

    /** Buffer r[P2 .. P2+P3) as a row of the window computation whose state is kept at register P1 (P4 = WindowPlan). */
    WindowAdd(false),
    /**
     * Load the window computation's next row, then each window call's result, into r[P3 ..];
     * jump when there are no more rows. The first one computes every call (P4 = WindowPlan).
     */
    WindowNext(true),

    // ---- cursors (P1 = cursor number); every opcode from here on is a cursor opcode --------
    /**
     * Jump if rowid r[P3] is in the row set of register P1; else add it when P4 is 1 (0: only
     * test, for the last set to be checked). A Null on P1 empties the set.
     */
    RowSetTest(true),
    /**
     * Open a read cursor on the tree rooted at page P2 (at page r[P2] when P5 has 0x02); P4 =
     * IndexKeyComparator for an index.
     */
    OpenRead(false),
    OpenWrite(false),
    Close(false),
    /**
     * r[P2] = the number of entries in cursor P1's b-tree, counted page by page without
     * reading them (SQLite's count(*) optimization).
     */
    Count(false),
    /** Move to the first entry; jump if the tree is empty. */
    Rewind(true),
    /** Move to the last entry; jump if the tree is empty. */
    Last(true),
    /** Move to the next entry; jump (back into the loop) if there is one. */
    Next(true),
    Prev(true),
    /** r[P3] = column P2 of the current entry (P4 = default for a column past the record's end). */
    Column(false),
    /** r[P2] = rowid of the current entry. */
    Rowid(false),
    /** r[P2] = the rowid stored as the last field of the current index entry. */
    IdxRowid(false),
    /**
     * Remember that table cursor P3 is on the row whose rowid ends index cursor P1's entry, and
     * seek it only when something reads the row beyond its rowid (SQLite's deferred seek, so
     * filters on indexed columns cost no table lookup).
     */
    DeferredSeek(false),
    /** Move to the row whose rowid is r[P3]; jump if there is none (or r[P3] is not an integer). */
    SeekRowid(true),
    /** Move to the row whose rowid is the integer r[P3]; jump if there is none. */
    NotExists(true),
    /** r[P2] = a rowid one larger than the largest in the table. */
    NewRowid(false),
    /** r[P3] = the record of r[P1 .. P1+P2), with the affinities in P4 (may be null) applied first. */
    MakeRecord(false),
    /** Insert record r[P2] under rowid r[P3]. */
    Insert(false),
    /** Delete the current entry. */
    Delete(false),
    /** Seek an index on the key r[P3 .. P3+P4); jump when no entry qualifies. */
    SeekGE(true),
    SeekGT(true),
    SeekLE(true),
    SeekLT(true),
    /** Jump when the current index entry (rowid left out) is >= the key r[P3 .. P3+P4). */
    IdxGE(true),
    IdxGT(true),
    IdxLE(true),
    IdxLT(true),
    /** Insert the index record r[P2]. */
    IdxInsert(false),
    /** Delete the index entry whose key is r[P2 .. P2+P3). */
    IdxDelete(false),
    /** Open a temporary index of P2 fields ordered by P4 (an IndexKeyComparator); equal keys replace. */
    OpenEphemeral(false),
    /** Open a sorter: a temporary index ordered by P4 that keeps equal keys in insertion order. */
    SorterOpen(false),
    /** Open a cursor on one record at a time (P3 fields), as SorterData loads them. */
    OpenPseudo(false),
    /** Insert the record r[P2] into the sorter. */
    SorterInsert(false),
    /** Move to the sorter's first record; jump if it is empty. */
    SorterSort(true),
    /** Load the sorter's current record into pseudo-cursor P3 (or, without one, into r[P2]; with P5 = 1 into both). */
    SorterData(false),
    /** Move to the sorter's next record; jump if there is one. */
    SorterNext(true),
    /** Jump if the index holds an entry starting with the key r[P3 .. P3+P4). */
    Found(true),
    /** Jump if the index holds no entry starting with the key r[P3 .. P3+P4). */
    NotFound(true),
    /**
     * Clamp index cursor P1's seek-hit count, the number of leading key fields known to start
     * some entry, into [P2, P3]. Lookups with an IN on a later key column keep it (see IfNoHope).
     */
    SeekHit(false),
    /**
     * Jump if the index holds no entry starting with r[P3 .. P3+P4): the remaining values of an
     * IN on key field P4 cannot match. Falls through at once when P1's seek-hit count is at least
     * P4; else looks, as NotFound does, and raises the count to P4 if there is one. SQLite's
     * IN early-out.
     */
    IfNoHope(true),
    /** Put cursor P1 on a row of NULLs: Column and Rowid read NULL until it moves (a LEFT JOIN's unmatched row). */
    NullRow(false),
    /**
     * Start table-valued function cursor P1's scan of P4 (a TableFunction) with the P5
     * arguments r[P3 ..]; jump if it has no row.
     */
    VFilter(true),
    /** Move table-valued function cursor P1 to its next row; jump if there is one. */
    VNext(true),
    /** r[P3] = column P2 of table-valued function cursor P1's row (NULL once it has no row). */
    VColumn(false);

    private static final Opcode[] VALUES = values();

    private final boolean jumpsToP2;

    Opcode(boolean jumpsToP2) {
        this.jumpsToP2 = jumpsToP2;
    }

    /** Whether P2 is an address (patched when labels resolve). */
    public boolean jumpsToP2() {
        return jumpsToP2;
    }

    static Opcode of(int code) {
        return VALUES[code];
    }
}
