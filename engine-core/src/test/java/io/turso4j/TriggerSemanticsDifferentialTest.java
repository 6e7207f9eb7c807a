package io.turso4j;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * Trigger semantics that once differed from SQLite's, each script compared statement by
 * statement with sqlite-jdbc (found by {@link TriggersRandomTest}).
 */
class TriggerSemanticsDifferentialTest {

    /** An UPSERT's DO UPDATE is an UPDATE of the row: its BEFORE and AFTER UPDATE triggers fire. */
    @Test
    void upsertDoUpdateFiresUpdateTriggers() throws SQLException {
        SqliteOracle.differential(
            "CREATE TABLE s(k PRIMARY KEY, v)",
            "CREATE TABLE lg(x)",
            "CREATE TRIGGER b BEFORE UPDATE ON s BEGIN INSERT INTO lg VALUES ('before ' || old.v || '->' || new.v); END",
            "CREATE TRIGGER a AFTER UPDATE OF v ON s BEGIN INSERT INTO lg VALUES ('after ' || old.v || '->' || new.v); END",
            "CREATE TRIGGER w BEFORE UPDATE ON s WHEN new.v > 3 BEGIN INSERT INTO lg VALUES ('when ' || new.v); END",
            "CREATE TRIGGER k AFTER UPDATE OF k ON s BEGIN INSERT INTO lg VALUES ('key'); END",
            "INSERT INTO s VALUES (4, 2)",
            "INSERT INTO s VALUES (4, 6) ON CONFLICT(k) DO UPDATE SET v = v + excluded.v",
            "INSERT INTO s VALUES (4, 1) ON CONFLICT(k) DO UPDATE SET v = 0 WHERE v > 100",
            "INSERT INTO s VALUES (5, 1) ON CONFLICT DO UPDATE SET v = -1",
            "SELECT * FROM lg",
            "SELECT * FROM s");
    }
}
