package io.turso4j.translate.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.turso4j.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A large schema loads, and every object is found; the time is printed, not asserted. */
class SchemaLoadScaleTest {
    @Test
    void fiveThousandTablesWithIndexes() {
        List<SchemaRow> rows = new ArrayList<>();
        long page = 2;
        int tables = 5000;
        for (int i = 0; i < tables; i++) {
            String t = "t" + i;
            rows.add(new SchemaRow("table", t, t, page++, "CREATE TABLE " + t + "(id INTEGER PRIMARY KEY, a TEXT UNIQUE, b)"));
            rows.add(new SchemaRow("index", "sqlite_autoindex_" + t + "_1", t, page++, null));
            rows.add(new SchemaRow("index", t + "_b", t, page++, "CREATE INDEX " + t + "_b ON " + t + "(b, a)"));
        }
        long start = System.nanoTime();
        Schema schema = SchemaLoader.load(rows, 1, 0);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("SchemaLoadScaleTest: " + rows.size() + " sqlite_schema rows loaded in " + millis + " ms");
        assertEquals(tables + 1, schema.tables().size());
        assertEquals(2, schema.table("T4999").indexes().size());
        assertEquals(page - 1, schema.index("t4999_b").rootPage());
    }
}
