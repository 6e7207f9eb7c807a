package io.turso4j;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * Table-valued functions in FROM against SQLite 3.54 (sqlite-jdbc): json_each and json_tree
 * with every column (ids are JSONB offsets), paths, NULL and malformed input, correlated with
 * a table, in LEFT JOINs, EXISTS subqueries, aggregates and ORDER BY; and the pragma functions
 * with arguments that come from another table ({@code pragma_table_info(m.name)}).
 */
class TableFunctionsDifferentialTest {
    private static final String ALL = "key, value, type, atom, id, parent, fullkey, path, json, root";

    @Test
    void jsonEachColumnsMatchSqlite() throws SQLException {
        String[] docs = {"[1,2.5,\"x\",true,false,null,[3,4],{\"a\":5}]",
                "{\"a\":1,\"b\":[1,{\"c\":\"d\"}],\"e\":{\"f\":{\"g\":[]}},\"a_b\":2,\"\":3,\"é\":4,\"A1\":5}",
                "{\"x\":1,\"a\":{\"q\":1,\"b\":[5,[6,7]]}}", "5", "\"str\"", "null", "[]", "{}",
                "[\"a\\u0041\\n\",\"\\\"q\\\"\",1e5,-0,12345678901234567890,2.50]",
                "{\"long\":\"" + "y".repeat(300) + "\",\"n\":[" + "1,".repeat(100) + "2]}",
                "[[\"" + "z".repeat(65530) + "\"],1]", "[[\"" + "z".repeat(65533) + "\"],1]"};
        SqliteOracle.differential(java.util.stream.Stream.of(docs).flatMap(d -> java.util.stream.Stream.of(
                "SELECT " + ALL + " FROM json_each('" + d + "')",
                "SELECT " + ALL + " FROM json_tree('" + d + "')",
                "SELECT * FROM json_each('" + d + "')",
                "SELECT * FROM json_tree('" + d + "') ORDER BY id DESC")).toArray(String[]::new));
    }

    @Test
    void pathsMatchSqlite() throws SQLException {
        String doc = "'{\"x\":1,\"a\":[1,{\"b\":2},[3,[4]]],\"c\":{\"d\":{\"e\":5}},\"k y\":[9]}'";
        String[] paths = {"$", "$.a", "$.a[1]", "$.a[0]", "$.a[2][1]", "$.a[#-1]", "$.c", "$.c.d", "$.c.d.e", "$.x",
                "$.\"k y\"", "$.\"k y\"[0]", "$.nope", "$.a[9]", "$[0]", "$.a.b"};
        java.util.List<String> script = new java.util.ArrayList<>();
        for (String p : paths) {
            script.add("SELECT " + ALL + " FROM json_each(" + doc + ", '" + p + "')");
            script.add("SELECT " + ALL + " FROM json_tree(" + doc + ", '" + p + "')");
        }
        script.add("SELECT * FROM json_each('[1,2,3]', '$[1]')");
        script.add("SELECT * FROM json_tree('{\"a\":{\"b\":[1]}}', '$.a.b')");
        SqliteOracle.differential(script.toArray(String[]::new));
    }

    @Test
    void argumentsAndErrorsMatchSqlite() throws SQLException {
        SqliteOracle.differential(
                "SELECT * FROM json_each(NULL)",
                "SELECT * FROM json_each('[1]', NULL)",
                "SELECT * FROM json_each()",
                "SELECT * FROM json_each('[1', '$')",
                "SELECT * FROM json_each('{a:1}')",
                "SELECT * FROM json_each('[1]', 'x')",
                "SELECT * FROM json_each('[1]', '$.')",
                "SELECT * FROM json_each('[1]', '$', 3)",
                "SELECT * FROM json_each(42)",
                "SELECT * FROM json_each(1.5)",
                "SELECT json, root FROM json_each('[1,2]')",
                "SELECT j.json, j.root, j.key FROM json_tree('[1]', '$') AS j",
                "SELECT j.* FROM json_each('{\"a\":1}') j",
                "SELECT value FROM json_each('[1,2,3]') WHERE value > 1 ORDER BY value DESC",
                "SELECT count(*), sum(value), group_concat(key) FROM json_each('[1,2,3,4]')",
                "SELECT a.value, b.value FROM json_each('[1,2]') a, json_each('[\"x\",\"y\"]') b",
                "SELECT (SELECT count(*) FROM json_each('[1,2,3]'))",
                "SELECT json_each.value FROM json_each('[7]')",
                "SELECT type, count(*) FROM json_tree('[1,[2,\"a\"],{\"b\":null}]') GROUP BY type ORDER BY type",
                "SELECT fullkey FROM json_tree('{\"a\":{\"b\":1}}') WHERE atom IS NOT NULL",
                "SELECT value FROM json_each('[1,[2],{\"a\":3}]') WHERE type IN ('array','object')",
                "SELECT json_array_length(value) FROM json_each('[[1,2],[3]]')",
                "SELECT * FROM json_each('[1,2]') WHERE json = '[1,2]'",
                "SELECT key, value FROM json_each WHERE json = '[1,2]'",
                "SELECT key, value, root FROM json_tree WHERE json = '{\"a\":[1]}' AND root = '$.a'",
                "SELECT key, value, fullkey FROM json_each('{\"a\":[1,2]}') WHERE root = '$.a'",
                "SELECT key FROM json_each WHERE root = '$'",
                "SELECT s.d, j.value FROM (SELECT '[5,6]' AS d) s, json_each j WHERE j.json = s.d");
    }

    @Test
    void correlatedUseMatchesSqlite() throws SQLException {
        String[] setup = {"CREATE TABLE t(id INTEGER PRIMARY KEY, doc TEXT, tags TEXT)",
                "INSERT INTO t VALUES (1, '{\"x\":1,\"y\":[1,2]}', '[\"a\",\"b\"]'), (2, '{\"x\":2}', '[\"c\"]'),"
                        + " (3, NULL, '[]'), (4, '[1,2,3]', '[\"a\"]'), (5, '{\"z\":{\"x\":9}}', NULL)"};
        String[] queries = {
                "SELECT t.id, j.value FROM t, json_each(t.doc) AS j WHERE j.key = 'x'",
                "SELECT t.id, j.key, j.value FROM json_each(t.doc) AS j, t ORDER BY t.id, j.id",
                "SELECT t.id, j.key FROM t LEFT JOIN json_each(t.doc) j ORDER BY t.id, j.key",
                "SELECT t.id, j.key FROM t LEFT JOIN json_each(t.doc) j ON j.key = 'x' ORDER BY t.id",
                "SELECT id FROM t WHERE EXISTS (SELECT 1 FROM json_each(t.tags) WHERE value = 'a')",
                "SELECT id FROM t WHERE 'c' IN (SELECT value FROM json_each(t.tags))",
                "SELECT id, (SELECT count(*) FROM json_each(t.tags)) FROM t ORDER BY id",
                "SELECT t.id, count(j.key) FROM t LEFT JOIN json_each(t.tags) j GROUP BY t.id ORDER BY t.id",
                "SELECT t.id, j.fullkey, j.parent, j.id FROM t, json_tree(t.doc) j WHERE j.atom IS NOT NULL ORDER BY 1, 2",
                "SELECT t.id, j.value FROM t, json_each(t.doc, '$.y') j",
                "SELECT j.value, count(*) FROM t, json_each(t.tags) j GROUP BY j.value ORDER BY 2 DESC, 1",
                "SELECT t.id, a.value, b.value FROM t, json_each(t.tags) a, json_each(t.tags) b WHERE a.value < b.value",
                "SELECT t.id, j.value FROM t JOIN json_each(t.tags) j ON j.value = 'a' WHERE t.id > 1",
                "SELECT t.id FROM t, json_each(t.tags) j WHERE j.value = 'a' AND t.id IN (1, 4)",
                "SELECT t.id, j.key FROM t, json_each(t.doc) j WHERE t.id = 1 ORDER BY j.key DESC"};
        java.util.List<String> script = new java.util.ArrayList<>(java.util.List.of(setup));
        script.addAll(java.util.List.of(queries));
        script.add("INSERT INTO t VALUES (6, 'oops', '[]')");
        script.add("SELECT t.id, j.value FROM t, json_each(t.doc) j");
        SqliteOracle.differential(script.toArray(String[]::new));
    }

    @Test
    void otherStatementsMatchSqlite() throws SQLException {
        SqliteOracle.differential(
                "CREATE TABLE t(id INTEGER PRIMARY KEY, tags TEXT)",
                "INSERT INTO t SELECT key + 1, value FROM json_each('[\"[1]\", \"[2,3]\", \"[]\"]')",
                "SELECT * FROM t",
                "CREATE VIEW v AS SELECT t.id, j.value FROM t, json_each(t.tags) j",
                "SELECT * FROM v ORDER BY 1, 2",
                "WITH c AS (SELECT value FROM json_each('[3,1,2]')) SELECT group_concat(value) FROM (SELECT value FROM c ORDER BY 1)",
                "SELECT t.id, j.value FROM json_each('[1,5]') j RIGHT JOIN t ON t.id = j.value ORDER BY t.id",
                "SELECT j.value, t.id FROM json_each('[1,5]') j FULL JOIN t ON t.id = j.value ORDER BY 1, 2",
                "UPDATE t SET tags = '[9]' WHERE id IN (SELECT value FROM json_each('[1,3]'))",
                "DELETE FROM t WHERE EXISTS (SELECT 1 FROM json_each(t.tags) WHERE value = 2)",
                "SELECT * FROM t",
                "SELECT id FROM t WHERE id IN (SELECT value FROM json_each('[1,3]')) UNION ALL SELECT key FROM json_each('[7]')",
                "SELECT * FROM json_each('[1,2]') LIMIT 1 OFFSET 1",
                "CREATE TABLE e(x)",
                "SELECT e.x, j.value, t.id FROM e, json_each(e.x) j RIGHT JOIN t ON t.id = j.value ORDER BY t.id",
                "SELECT * FROM json_each",
                "SELECT * FROM json_tree AS j",
                "SELECT x.value FROM (SELECT * FROM json_each('[4,5]')) x",
                "SELECT j.value FROM t, json_each((SELECT tags FROM t WHERE id = 2)) j",
                "SELECT value FROM json_each(json_array(1, 2, json_object('a', 3)))",
                "SELECT DISTINCT type FROM json_tree('[1,2,[3]]') ORDER BY 1");
    }

    @Test
    void rightJoinOfAFunctionReadingTheLeftSideIsRejected() throws SQLException {
        try (SqliteOracle oracle = new SqliteOracle()) {
            oracle.turso("CREATE TABLE t(id)");
            org.junit.jupiter.api.Assertions.assertEquals(
                    "error: FULL JOIN of a table-valued function reading other tables is not supported yet",
                    oracle.turso("SELECT * FROM t FULL JOIN json_each(t.id) j ON t.id = j.value"));
        }
    }

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    @Test
    void plansReadAsSqlite3s() throws Exception {
        ExplainQueryPlanTest.assertPlansMatch(dir.resolve("tvf.db"), "CREATE TABLE t(id INTEGER PRIMARY KEY, doc)",
                new String[] {"SELECT * FROM json_each('[1]') j", "SELECT * FROM json_tree('[1]', '$')",
                        "SELECT * FROM json_each(t.doc) j, t WHERE j.key = 1",
                        "SELECT * FROM t LEFT JOIN json_each(t.doc) j",
                        "SELECT * FROM t, json_each j WHERE j.json = t.doc AND j.root = '$.a'",
                        "SELECT m.name, p.name FROM sqlite_schema m, pragma_table_info(m.name) p"});
    }

    @Test
    void pragmaFunctionsWithColumnArgumentsMatchSqlite() throws SQLException {
        SqliteOracle.differential(
                "CREATE TABLE a(x INTEGER PRIMARY KEY, y TEXT NOT NULL DEFAULT 'q', z REAL)",
                "CREATE TABLE b(p, q REFERENCES a(x), UNIQUE(p, q))",
                "CREATE INDEX bq ON b(q DESC)",
                "CREATE VIEW v AS SELECT x, y FROM a",
                "SELECT m.name, p.name, p.type, p.pk, p.\"notnull\", p.dflt_value FROM sqlite_schema m, pragma_table_info(m.name) p"
                        + " WHERE m.type IN ('table', 'view') ORDER BY m.name, p.cid",
                "SELECT m.name, p.* FROM sqlite_schema m JOIN pragma_table_xinfo(m.name) p ORDER BY 1, 2",
                "SELECT m.name, l.name, l.\"unique\", l.origin FROM sqlite_schema m, pragma_index_list(m.name) l"
                        + " WHERE m.type = 'table' ORDER BY 1, 2",
                "SELECT l.name, i.* FROM pragma_index_list('b') l, pragma_index_info(l.name) i ORDER BY 1, 2",
                "SELECT l.name, i.* FROM pragma_index_list('b') l, pragma_index_xinfo(l.name) i ORDER BY 1, 2",
                "SELECT m.name, f.* FROM sqlite_schema m, pragma_foreign_key_list(m.name) f",
                "SELECT m.name, count(p.cid) FROM sqlite_schema m LEFT JOIN pragma_table_info(m.name) p GROUP BY m.name ORDER BY 1",
                "SELECT name FROM sqlite_schema m WHERE EXISTS (SELECT 1 FROM pragma_table_info(m.name) WHERE name = 'y')",
                "SELECT m.name, p.name FROM sqlite_schema m, pragma_table_info(upper(m.name)) p WHERE m.name = 'a'",
                "SELECT p.name FROM (SELECT 'a' AS t) s, pragma_table_info(s.t, 'main') p");
    }
}
