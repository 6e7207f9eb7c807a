package io.turso4j;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * Looking up a REAL column's index with integers a double cannot hold exactly: the probe keeps
 * its integer value (SQLite gives index keys NUMERIC, not REAL, affinity), so it compares with
 * the stored, rounded REAL exactly, as the same comparison does without the index.
 */
class RealIndexProbeTest {
    private static final String[] SETUP = {
        "CREATE TABLE f(c REAL, t TEXT)",
        "CREATE INDEX fc ON f(c DESC)",
        "INSERT INTO f VALUES (9223372036854775807, '9223372036854775807'), (1, '1'), (9007199254740993, 'x')",
    };

    @Test
    void integerProbesOfARealIndexCompareExactly() throws SQLException {
        SqliteOracle.differential(SETUP,
                "SELECT count(*) FROM f WHERE c = 9223372036854775807",
                "SELECT count(*) FROM f WHERE c = '9223372036854775807'",
                "SELECT count(*) FROM f WHERE c IN (9223372036854775807, 9007199254740993)",
                "SELECT count(*) FROM f WHERE c > 9223372036854775806",
                "SELECT count(*) FROM f WHERE c >= 9223372036854775807",
                "SELECT count(*) FROM f WHERE c < 9223372036854775807 AND c > 9007199254740992",
                "SELECT count(*) FROM f AS a, f AS s WHERE s.c = a.t",
                "SELECT count(*) FROM f AS a WHERE (SELECT count(*) FROM f AS s WHERE s.c = a.t) > 0",
                "SELECT c FROM f WHERE c = 1");
    }
}
