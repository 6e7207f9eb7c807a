package io.turso4j;

import io.turso4j.schema.Schema;
import io.turso4j.storage.IoPending;
import io.turso4j.storage.btree.BTree;
import io.turso4j.storage.pager.Pager;

/**
 * What a connection knows of its database's schema, as SQLite's per-connection {@code Schema}
 * and its {@code DB_SchemaLoaded} flag: statements are compiled against {@link #known()}
 * without any I/O, and every statement checks, as it begins (SQLite's {@code OP_Transaction}),
 * that the schema cookie its read transaction sees is the one it was compiled against;
 * when it is not, {@link #refresh} reads the schema again, stepped, and the statement is
 * compiled again.
 *
 * <p>Invariant: a schema whose cookie is {@code c} is the schema of the database at cookie
 * {@code c}. Every committed schema change bumps the cookie, so this holds for schemas read
 * at a committed state; a schema read inside this connection's write transaction (after its
 * own DDL) may be undone by a rollback, after which another connection may commit a different
 * schema under the same cookie, so such a schema is forgotten on rollback and shared with
 * the other connections ({@link Database#publish}) only once committed.
 *
 * <p>Used by the connection's thread only.
 */
final class SchemaState {
    private final Database database;
    private final BTree btree;
    private final Pager pager;
    /** The schema as last read by this connection; null to use the database's newest committed one. */
    private Schema schema;
    /** {@link #schema} includes changes of this connection's open write transaction. */
    private boolean uncommitted;
    /** This connection changed the schema (DDL, ANALYZE): read it again even at the same cookie. */
    private boolean stale;
    /** The read in progress, resumed by the next {@link #refresh}. */
    private SchemaReader reading;

    SchemaState(Database database, BTree btree, Pager pager) {
        this.database = database;
        this.btree = btree;
        this.pager = pager;
    }

    /** The schema statements are compiled against now (no I/O). */
    Schema known() {
        return schema != null ? schema : database.schema();
    }

    /** Whether {@link #known()} is the schema at {@code cookie}. */
    boolean isCurrent(int cookie) {
        return !stale && known().cookie() == cookie;
    }

    /**
     * The schema cookie (meta 1) as the open read transaction sees it.
     *
     * @throws IoPending while page 1 is in flight
     */
    int fileCookie() {
        return btree.meta(1);
    }

    /**
     * Makes {@link #known()} the schema at {@code cookie} (the cookie the open read transaction
     * sees), reading sqlite_schema when it is not.
     *
     * @throws IoPending while a page is in flight; call again (with the same cookie) once it is done
     */
    void refresh(int cookie) {
        if (isCurrent(cookie)) {
            return;
        }
        if (!stale && database.schema().cookie() == cookie) {
            // Another connection read or committed it already: by the invariant it is this one.
            abandonRead();
            schema = null;
            uncommitted = false;
            return;
        }
        if (reading == null || reading.cookie() != cookie) {
            abandonRead();
            reading = new SchemaReader(btree, pager, cookie);
        }
        Schema read = reading.step();
        reading = null;
        schema = read;
        stale = false;
        uncommitted = pager.inWriteTransaction();
        if (!uncommitted) {
            database.publish(read);
        }
    }

    /** A statement of this connection changed the schema: the next {@link #refresh} reads it again. */
    void changed() {
        stale = true;
        abandonRead();
    }

    /** Whether a statement of this connection changed the schema since it was last read. */
    boolean isStale() {
        return stale;
    }

    /** The write transaction committed: its schema is now the database's. */
    void committed() {
        if (uncommitted) {
            uncommitted = false;
            database.publish(schema);
        }
    }

    /** The transaction (or part of it) was rolled back: a schema read inside it may be wrong now. */
    void rolledBack() {
        if (uncommitted || stale) {
            schema = null;
            uncommitted = false;
            stale = false;
        }
        abandonRead();
    }

    private void abandonRead() {
        if (reading != null) {
            reading.abandon();
            reading = null;
        }
    }
}
