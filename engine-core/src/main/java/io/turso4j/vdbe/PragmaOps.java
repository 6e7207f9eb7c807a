package io.turso4j.vdbe;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.storage.btree.AutoVacuum;
import io.turso4j.storage.btree.BTree;
import io.turso4j.storage.format.BigEndian;
import io.turso4j.storage.format.DatabaseHeader;
import io.turso4j.storage.integrity.IntegrityCheck;
import io.turso4j.storage.pager.Page;
import io.turso4j.storage.pager.Pager;
import io.turso4j.storage.pager.Synchronous;
import io.turso4j.storage.wal.CheckpointMode;
import io.turso4j.storage.wal.CheckpointResult;
import io.turso4j.value.Register;
import java.util.List;
import java.util.Map;

/**
 * The instructions that reach past the B-trees into the connection, the pager and the file:
 * transactions and savepoints, the header's cookies, checkpoints, integrity checks and the
 * PRAGMA settings. Split from {@link Vm} so its dispatch loop stays about expressions and
 * control flow.
 *
 * <p>Stepped like every instruction: anything that needs a page may throw {@link
 * io.turso4j.storage.IoPending} before it changes anything, or (the integrity check) keeps its
 * resumable state here until it finishes. Not thread-safe: one VM, one thread at a time.
 */
final class PragmaOps {
    private final VmContext context;
    private final Register[] regs;
    /** The integrity check under way, kept across steps that return IO. */
    private IntegrityCheck integrity;
    /** The VACUUM under way, kept across steps that return IO. */
    private final VacuumOp vacuum;

    PragmaOps(VmContext context, Register[] regs) {
        this.context = context;
        this.regs = regs;
        this.vacuum = new VacuumOp(context);
    }

    void reset() {
        integrity = null;
        vacuum.reset();
    }

    /** Runs one instruction; false when it must be retried because another connection writes. */
    boolean execute(Opcode op, int p1, int p2, int p3, Object p4) {
        switch (op) {
            case Transaction -> {
                return p2 == 0 || context.beginWrite();
            }
            case Savepoint -> context.savepoint(p1, (String) p4);
            case ReadCookie -> regs[p2].setInt(p3 == 0 ? freePageCount() : btree().meta(p3));
            case Pagecount -> regs[p2].setInt(pager(0).pageCount());
            case JournalMode -> regs[p2].setText(context.journalMode((String) p4));
            case Checkpoint -> {
                CheckpointResult result = context.checkpoint((CheckpointMode) p4);
                regs[p3].setInt(result.busy() ? 1 : 0);
                regs[p3 + 1].setInt(result.logFrames());
                regs[p3 + 2].setInt(result.checkpointedFrames());
            }
            case IntegrityCk -> integrityCheck(p1, p2, p3, (IntegrityRoots) p4);
            case IncrVacuum -> btree().incrementalVacuum(p1);
            case Vacuum -> vacuum.run(p2 == 0 ? null : regs[p2], (VacuumTrees) p4);
            case Pragma -> setting(PragmaSetting.of(p1), p2, p3 != 0 ? ((Long) p4) : null);
            default -> throw new IllegalStateException("not a pragma opcode: " + op);
        }
        return true;
    }

    /**
     * As SQLite's OP_IntegrityCk: r[budget] holds one less than the number of messages still
     * allowed; after k > 0 problems it drops by k - 1 (the result row that carries them takes
     * the last one, as every result row of the check does).
     */
    private void integrityCheck(int out, int db, int budget, IntegrityRoots roots) {
        if (integrity == null) {
            int maxErrors = (int) Math.max(1, Math.min(Integer.MAX_VALUE, regs[budget].intValue() + 1));
            integrity = new IntegrityCheck(pager(db), roots.roots(), maxErrors, roots.partial(), Map.of());
        }
        List<String> messages = integrity.run();
        integrity = null;
        if (messages.isEmpty()) {
            regs[out].setNull();
        } else {
            regs[out].setText(String.join("\n", messages));
            regs[budget].setInt(regs[budget].intValue() - (messages.size() - 1));
        }
    }

    /** The header's free page count (SQLite's meta 0), which the B-tree's meta numbering leaves out. */
    private long freePageCount() {
        Pager pager = pager(0);
        if (pager.pageCount() == 0) {
            return 0;
        }
        Page page1 = pager.get(1);
        try {
            return BigEndian.u32(page1.buffer().segment(), DatabaseHeader.FREELIST_COUNT_OFFSET);
        } finally {
            pager.unpin(page1);
        }
    }

    /** Sets {@code setting} to {@code value} if not null, then reads it into r[out] if out is not 0. */
    private void setting(PragmaSetting setting, int out, Long value) {
        ConnectionSettings s = context.settings();
        Pager pager = pager(0);
        long result = switch (setting) {
            case PAGE_SIZE -> {
                if (value != null && value >= 512 && value <= 65536 && Long.bitCount(value) == 1) {
                    pager.setPageSize(value.intValue());
                }
                yield pager.pageSize();
            }
            case CACHE_SIZE -> {
                if (value != null) {
                    s.setCacheSize(value);
                    pager.setCacheSize(cachePages(value, pager.pageSize()));
                }
                yield s.cacheSize();
            }
            case SYNCHRONOUS -> {
                if (value != null) {
                    if (!context.isAutocommit()) {
                        throw new SqliteException(ResultCode.ERROR, "Safety level may not be changed inside a transaction");
                    }
                    int level = value.intValue();
                    s.setSynchronous(level);
                    pager.setSynchronous(level == 0 ? Synchronous.OFF : level == 1 ? Synchronous.NORMAL : Synchronous.FULL);
                }
                yield s.synchronous();
            }
            case AUTO_VACUUM -> {
                if (value != null) {
                    AutoVacuum wanted = AutoVacuum.values()[value.intValue()];
                    AutoVacuum now = btree().autoVacuum();
                    // Once there are pages only FULL and INCREMENTAL may trade places (a header
                    // flag); to or from NONE takes a VACUUM, as in SQLite, which remembers the
                    // wish for the next one.
                    s.setNextAutoVacuum(wanted);
                    if (!btree().setAutoVacuum(wanted) && now != AutoVacuum.NONE && wanted != AutoVacuum.NONE
                            && now != wanted) {
                        btree().setMeta(7, wanted == AutoVacuum.INCREMENTAL ? 1 : 0);
                    }
                }
                yield btree().autoVacuum().ordinal();
            }
            case BUSY_TIMEOUT -> {
                if (value != null) {
                    s.setBusyTimeoutMillis((int) Math.max(0, Math.min(Integer.MAX_VALUE, value)));
                }
                yield s.busyTimeoutMillis();
            }
            case FOREIGN_KEYS -> {
                if (value != null && context.isAutocommit()) { // a no-op inside a transaction, as in SQLite
                    s.setForeignKeys(value != 0);
                }
                yield s.foreignKeys() ? 1 : 0;
            }
            case RECURSIVE_TRIGGERS -> {
                if (value != null) {
                    s.setRecursiveTriggers(value != 0);
                }
                yield s.recursiveTriggers() ? 1 : 0;
            }
            case DEFER_FOREIGN_KEYS -> {
                if (value != null) {
                    s.setDeferForeignKeys(value != 0);
                    if (value == 0) {
                        context.dropDeferredImmediateViolations();
                    }
                }
                yield s.deferForeignKeys() ? 1 : 0;
            }
            case WAL_AUTOCHECKPOINT -> {
                if (value != null) {
                    int frames = (int) Math.max(0, Math.min(Integer.MAX_VALUE, value));
                    s.setWalAutocheckpoint(frames);
                    pager.setAutoCheckpoint(frames);
                }
                yield s.walAutocheckpoint();
            }
            case DATABASE_FILE, ENCODING -> {
                regs[out].setText(setting == PragmaSetting.ENCODING ? encoding() : context.databaseFile());
                yield 0;
            }
        };
        if (out != 0 && setting != PragmaSetting.ENCODING && setting != PragmaSetting.DATABASE_FILE) {
            regs[out].setInt(result);
        }
    }

    private String encoding() {
        return switch (btree().meta(5)) {
            case 2 -> "UTF-16le";
            case 3 -> "UTF-16be";
            default -> "UTF-8";
        };
    }

    /** Pages for {@code PRAGMA cache_size = value}: a negative value is a size in KiB. */
    static int cachePages(long value, int pageSize) {
        long pages = value >= 0 ? value : Math.min(Integer.MAX_VALUE, -value * 1024 / pageSize);
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, pages));
    }

    private BTree btree() {
        BTree btree = context.btree();
        if (btree == null) {
            throw new SqliteException(ResultCode.CANTOPEN, "unable to open database file");
        }
        return btree;
    }

    /** The pager of database {@code db} (0 main, 1 temp, 2… attached). */
    private Pager pager(int db) {
        Pager pager = context.pager(db);
        if (pager == null) {
            throw new SqliteException(ResultCode.CANTOPEN, "unable to open database file");
        }
        return pager;
    }
}
