package io.turso4j;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The database files this process has open, by absolute path: ATTACH of a file that is already
 * open (by the application, or attached elsewhere) shares that {@link Database} — its pager, WAL
 * and locks — as SQLite connections in one process share a file, instead of locking the file a
 * second time. Any thread may call; entries come and go with {@link Database#open} and
 * {@link Database#close}.
 */
final class OpenFiles {
    private static final ConcurrentHashMap<Path, Database> BY_FILE = new ConcurrentHashMap<>();

    private OpenFiles() {
    }

    /** The key of {@code path}; null for an in-memory database, which is never shared. */
    static Path key(String path) {
        return path.equals(":memory:") || path.isEmpty() ? null : Path.of(path).toAbsolutePath().normalize();
    }

    static void opened(Database db) {
        Path key = key(db.path());
        if (key != null) {
            BY_FILE.putIfAbsent(key, db);
        }
    }

    static void closed(Database db) {
        Path key = key(db.path());
        if (key != null) {
            BY_FILE.remove(key, db);
        }
    }

    /** The open database of {@code path}, or null. */
    static Database find(String path) {
        Path key = key(path);
        return key == null ? null : BY_FILE.get(key);
    }
}
