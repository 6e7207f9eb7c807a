package io.turso4j.translate.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * For each case of {@code corrupt-schemas.sql}: damage sqlite_schema in a file SQLite wrote,
 * then compare the error SQLite gives reading it (on a fresh connection) with the error
 * {@link SchemaLoader} gives for the same rows — both {@code malformed database schema …},
 * with SQLITE_CORRUPT — or check both load.
 */
class CorruptSchemaDifferentialTest {
    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> corpus() throws Exception {
        return Corpus.load("/schema/corrupt-schemas.sql").cases().stream()
                .map(c -> DynamicTest.dynamicTest(c.title(), () -> check(c.title(), c.text())));
    }

    private void check(String title, String text) throws Exception {
        int marker = text.indexOf("-- damage\n");
        assertTrue(marker >= 0, "case without a -- damage line");
        Path file = Files.createTempFile(dir, "corrupt", ".db");
        String url = "jdbc:sqlite:" + file;
        List<SchemaRow> rows;
        int cookie;
        long pages;
        try (SqliteSchemaOracle sqlite = new SqliteSchemaOracle(url)) {
            sqlite.run(text.substring(0, marker));
            sqlite.run("PRAGMA writable_schema=ON");
            sqlite.run(text.substring(marker));
            rows = sqlite.schemaRows();
            cookie = sqlite.cookie();
            pages = sqlite.single("PRAGMA page_count");
        }
        String theirs = null;
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_schema")) {
            rs.next();
        } catch (SQLException e) {
            theirs = SqliteSchemaOracle.messageOf(e);
        }
        String ours = null;
        try {
            SchemaLoader.load(rows, cookie, pages);
        } catch (SqliteException e) {
            assertEquals(ResultCode.CORRUPT, e.code(), e.getMessage());
            ours = e.getMessage();
        }
        assertEquals(theirs, ours, title);
    }
}
