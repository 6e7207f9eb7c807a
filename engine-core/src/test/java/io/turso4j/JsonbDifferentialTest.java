package io.turso4j;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * JSONB against SQLite 3.54 (sqlite-jdbc): the exact bytes jsonb() writes for a corpus of
 * documents (nesting, escapes of every kind, unicode, JSON5, big numbers, strings and
 * containers around the header-size boundaries), every jsonb_ function, the json_ functions
 * fed JSONB, and damaged blobs.
 */
class JsonbDifferentialTest {

    /** Documents as SQL literals. */
    static List<String> corpus() {
        List<String> docs = new ArrayList<>(List.of(
                "'null'", "'true'", "'false'", "'0'", "'-0'", "'1'", "'-17'", "'2.50'", "'1e5'", "'-1.5E-7'", "'1E+2'",
                "'123456789012345678901234567890'", "'9223372036854775808'", "'-9223372036854775809'",
                "'0x1F'", "'-0x10'", "'0XaB'", "'0xFFFFFFFFFFFFFFFF'", "'0x1FFFFFFFFFFFFFFFF'", "'+5'", "'+0x5'",
                "'.5'", "'-.5'", "'5.'", "'-5.'", "'5.e3'", "'+.5'", "'Infinity'", "'-Infinity'", "'+Infinity'", "'NaN'",
                "'\"\"'", "'\"abc\"'", "'\"a\\nb\"'", "'\"\\u00e9\\u0041\"'", "'\"é😀\"'", "'\"\\uD83D\\uDE00\"'",
                "'\"a\\\"b\\\\c\\/d\\b\\f\\r\\t\"'", "'\"it''s\"'", "'''single''''", "'''a\"b'''", "'''x\\x41\\v\\0y'''",
                "'\"tab' || char(9) || 'ctl' || char(1) || '\"'", "'\"line\\' || char(10) || 'cont\"'",
                "'\"q\\''s\"'",
                "'[]'", "'{}'", "'[1,2,3]'", "'[[[]]]'", "'[1,[2,[3,[4]]]]'", "'{\"a\":1,\"b\":[true,false,null]}'",
                "'{\"a\":{\"b\":{\"c\":\"d\"}},\"a\":2}'", "'{a:1, $b:2, _c:[3,], \"d\":{e:4,},}'",
                "'/* c */ [1, // x\n 2]'", "' { \"x\" : [ 1 , 2.0 ] } '",
                "'{\"é\":\"ü\",\"\\u0041\":\"\\t\"}'", "'{\"k\":\"v\",\"n\":-0.0e-0}'",
                "'[1,2'", "'{\"a\"}'", "'[01]'", "'\"\\q\"'", "''", "'[1,]x'"));
        for (int n : new int[] {10, 11, 12, 13, 254, 255, 256, 65533, 65534, 65535, 65536, 65537}) {
            docs.add("'\"' || printf('%." + n + "c', 'x') || '\"'");
            docs.add("'[\"' || printf('%." + (n - 3) + "c', 'y') || '\"]'");
            docs.add("'{\"k\":\"' || printf('%." + Math.max(0, n - 6) + "c', 'z') || '\"}'");
        }
        docs.add("'[' || printf('%.200c', '1') || ',' || printf('%.70000c', '2') || ']'");
        return docs;
    }

    @Test
    void jsonbBytesMatchSqlite() throws SQLException {
        List<String> statements = new ArrayList<>();
        for (String d : corpus()) {
            statements.add("SELECT hex(jsonb(" + d + ")), json(jsonb(" + d + ")), typeof(jsonb(" + d + "))");
            statements.add("SELECT json_valid(jsonb(" + d + "), 4), json_valid(jsonb(" + d + "), 8), json_valid(jsonb("
                    + d + ")), json_valid(" + d + ", 2), json_valid(" + d + ", 4), json_error_position(jsonb(" + d + "))");
            statements.add("SELECT json_type(jsonb(" + d + ")), json_array_length(jsonb(" + d + ")), json_quote(jsonb("
                    + d + ")), json_extract(jsonb(" + d + "), '$'), hex(jsonb_extract(" + d + ", '$'))");
            statements.add("SELECT json_array(jsonb(" + d + ")), hex(jsonb_array(jsonb(" + d + "), " + d
                    + ")), hex(jsonb_object('k', jsonb(" + d + ")))");
            statements.add("SELECT key, value, type, atom, id, parent, fullkey, path FROM json_tree(jsonb(" + d + "))");
        }
        JsonDifferentialTest.allMatch(statements.toArray(String[]::new));
    }

    @Test
    void jsonbFunctionsMatchSqlite() throws SQLException {
        String doc = "'{\"a\":[1,2.5,\"x\\n\",{\"b\":null}],\"c\":{\"d\":0x10,e:''f''},\"g\":\"h\"}'";
        String[] paths = {"'$'", "'$.a'", "'$.a[0]'", "'$.a[#-1]'", "'$.a[#]'", "'$.a[9]'", "'$.c.d'", "'$.c.e'",
            "'$.\"g\"'", "'$.new'", "'$.\"q\\\"r\"'", "'$.\"sp ace\"'", "'$.a[3].b'", "'$.x.y[0]'", "'$.a.'", "'a'"};
        String[] values = {"1", "2.5", "'text\"q'", "NULL", "json('[1,{\"z\":2}]')", "jsonb('{\"j\":0x1}')",
            "json_quote('s')", "x'00'", "1e999", "-0.0"};
        List<String> s = new ArrayList<>();
        for (String p : paths) {
            s.add("SELECT hex(jsonb_extract(" + doc + ", " + p + ")), json_extract(jsonb(" + doc + "), " + p
                    + "), jsonb(" + doc + ") -> " + p + ", jsonb(" + doc + ") ->> " + p);
            s.add("SELECT hex(jsonb_remove(" + doc + ", " + p + ")), json_remove(jsonb(" + doc + "), " + p + ")");
            s.add("SELECT json_type(jsonb(" + doc + "), " + p + "), json_array_length(jsonb(" + doc + "), " + p + ")");
            for (String v : values) {
                for (String f : new String[] {"set", "insert", "replace"}) {
                    s.add("SELECT hex(jsonb_" + f + "(" + doc + ", " + p + ", " + v + ")), json_" + f + "(jsonb(" + doc
                            + "), " + p + ", " + v + ")");
                }
            }
        }
        s.add("SELECT hex(jsonb_extract(" + doc + ", '$.a', '$.g', '$.zz')), hex(jsonb_extract(" + doc + ", '$.a[1]'))");
        s.add("SELECT hex(jsonb_patch(" + doc + ", '{\"a\":null,\"c\":{\"d\":[0x2]},\"n\":{m:.5}}')), json_patch(jsonb("
                + doc + "), jsonb('{\"g\":1}'))");
        s.add("SELECT hex(jsonb_patch(jsonb_set('\"abcdefgh\"', '$', 'abcdefg'), '{\"a\":1}')), hex(jsonb_patch(jsonb_set('[1,2,3,4]', '$', 'ab'), '{}')), "
                + "hex(jsonb_patch(jsonb_set('[1,2,3,4]', '$', 'ab'), '\"x\"')), hex(jsonb_patch('{\"a\":[1,2],\"b\":1}', '{\"a\":{\"c\":0x1}}'))");
        s.add("SELECT hex(jsonb_patch('[1]', jsonb('[2]'))), hex(jsonb_patch(NULL, '{}')), hex(jsonb_array()), hex(jsonb_object())");
        s.add("SELECT hex(jsonb_array(1, 2.5, 'a\"b', NULL, 1e999, -1e999, 0.1, json('{\"x\":5.}'), jsonb('[0x1]')))");
        s.add("SELECT hex(jsonb_object('a', 1, 'b\\c', 'd\ne', 'f', json_array(1)))");
        s.add("SELECT hex(jsonb_object('a')), hex(jsonb_object(1, 2))");
        s.add("SELECT hex(jsonb_array(x'01'))");
        s.add("SELECT hex(jsonb_set('{}', '$.a', 'x', '$.\"b\"', 'y', '$.\"c\\\\d\"', 'z', '$.e[0]', 1, '$.f.g', 'h'))");
        s.add("SELECT hex(jsonb_set('[1]', '$', 'top')), hex(jsonb_set('1', '$[0]', 2)), hex(jsonb_insert('[]', '$[#]', 'a'))");
        s.add("SELECT hex(jsonb_remove('[1,2,3]', '$[0]', '$[0]')), hex(jsonb_remove('[1]', '$')), jsonb_remove(NULL, '$')");
        s.add("SELECT hex(jsonb_insert(" + doc + ")), hex(jsonb_set(" + doc + ", '$.a'))");
        s.add("SELECT hex(jsonb_group_array(v)), hex(jsonb_group_object(k, v)) FROM (SELECT 'a' k, 1 v UNION ALL "
                + "SELECT 'b', 'x\"' UNION ALL SELECT NULL, 3 UNION ALL SELECT 'c', jsonb('[0x1]') UNION ALL SELECT 'd', jsonb('{\"z\":.5}'))");
        s.add("SELECT hex(jsonb_group_array(json(v))), hex(jsonb_group_object(v, json(v))) FROM (SELECT '[1]' v UNION ALL SELECT '{\"z\":.5}')");
        s.add("SELECT hex(jsonb_group_array(v) OVER (ORDER BY v ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)), "
                + "hex(jsonb_group_object('k' || v, v) OVER (ORDER BY v)) FROM (SELECT 1 v UNION ALL SELECT 2 UNION ALL SELECT 3)");
        s.add("SELECT hex(jsonb_group_array(x)) FROM (SELECT 1 x WHERE 0)");
        s.add("SELECT json_group_array(jsonb(v)), json_group_object('k', jsonb(v)) FROM (SELECT '[1]' v UNION ALL SELECT '\"s\"')");
        s.add("SELECT json_valid(jsonb('[1]'), 1), json_valid(jsonb('[1]'), 2), json_valid(jsonb('[1]'), 3), json_valid(jsonb('[1]'), 12), "
                + "json_valid('[1]', 12), json_valid('[1]', 5), json_valid(jsonb('[1]'), 0)");
        s.add("SELECT json_valid(jsonb('[1]'), 16)");
        s.add("SELECT jsonb(NULL), jsonb_extract(NULL, '$'), jsonb_array(NULL) IS NULL, hex(jsonb(1)), hex(jsonb(2.5)), hex(jsonb('  7 '))");
        s.add("SELECT jsonb('[1,2')");
        s.add("SELECT jsonb(x'00')");
        s.add("SELECT json(CAST('[1, 2]' AS BLOB)), json_type(CAST('{}' AS BLOB)), json_valid(CAST('[1]' AS BLOB)), hex(jsonb(CAST('[1]' AS BLOB)))");
        s.add("SELECT jsonb('[1]') -> '$[0]', jsonb('{\"a\":[1]}') -> 'a', jsonb('{\"a\":[1]}') ->> 'a', jsonb('[1,2]') -> -1");
        s.add("SELECT key, value, type, id, parent, fullkey FROM json_each(jsonb('{\"a\":[1,{\"b\":2}],\"c\":3}'), '$.a')");
        JsonDifferentialTest.allMatch(s.toArray(String[]::new));
    }

    @Test
    void jsonbInTablesMatchesSqlite() throws SQLException {
        SqliteOracle.differential(
                "CREATE TABLE t(id INTEGER PRIMARY KEY, j BLOB)",
                "INSERT INTO t(j) VALUES (jsonb('{\"a\":[1,2],\"b\":\"x\"}')), (jsonb('[0x10, .5, ''s'']')), (jsonb_set('{\"a\":\"hello\"}', '$.a', 7)), (NULL)",
                "SELECT id, hex(j), json(j), j -> '$.a', j ->> 'b', json_type(j), json_valid(j, 4), json_valid(j, 8) FROM t ORDER BY id",
                "SELECT id, hex(jsonb_set(j, '$.a', 'y')), json_set(j, '$.z', j) FROM t ORDER BY id",
                "UPDATE t SET j = jsonb_insert(j, '$.new', json_array(id)) WHERE id < 3",
                "SELECT id, hex(j), json(j) FROM t ORDER BY id",
                "SELECT t.id, e.key, e.value, e.type, e.id, e.parent, e.fullkey FROM t, json_tree(t.j) e ORDER BY t.id, e.id",
                "SELECT t.id, e.key, e.value, e.atom, e.path FROM t, json_each(t.j) e ORDER BY t.id, e.id",
                "SELECT typeof(json), hex(json), root FROM json_each(jsonb('[1]'))",
                "SELECT typeof(json), json FROM json_each(CAST('[1]' AS BLOB))",
                "SELECT hex(jsonb_group_array(j)), json_group_array(j), hex(jsonb_group_object(id, j)) FROM t",
                "SELECT id FROM t WHERE j ->> '$.a[0]' = 1 OR json_extract(j, '$[1]') = 0.5 ORDER BY id");
    }

    @Test
    void textSpellingsMatchSqlite() throws SQLException {
        JsonDifferentialTest.allMatch(
                "SELECT json('[inf, -inf, +Inf, INFINITY, -Infinity, nan, NaN, QNaN, SNaN, -nan]')",
                "SELECT hex(jsonb('[inf, -inf, +Inf, INFINITY, nan, QNaN, SNaN]'))",
                "SELECT json('[Infinityx]')",
                "SELECT json('nulls')",
                "SELECT hex(jsonb('{a:1,\"b\":2,''c'':3,$d_1:4}')), json_error_position('[1e]'), json_error_position('[1e+]'), json_error_position('  ')");
    }

    @Test
    void jsonbEachAndPrettyMatchSqlite() throws SQLException {
        List<String> s = new ArrayList<>();
        for (String d : corpus().subList(0, 70)) {
            s.add("SELECT key, typeof(value), quote(value), type, atom, id, parent, fullkey, path FROM jsonb_tree(" + d + ")");
            s.add("SELECT key, quote(value), id FROM jsonb_each(jsonb(" + d + "))");
            s.add("SELECT json_pretty(" + d + "), json_pretty(jsonb(" + d + "), '--'), json_pretty(" + d + ", NULL)");
        }
        s.add("SELECT key, quote(value), id FROM jsonb_each(jsonb_set('{\"a\":[1,2],\"b\":\"hello\"}', '$.a', json('[7]')), '$.a')");
        s.add("SELECT json_pretty('{\"a\":[1,2,{}],\"b\":{},\"c\":[]}', ''), json_pretty('[[[1]]]', 7)");
        JsonDifferentialTest.allMatch(s.toArray(String[]::new));
    }

    @Test
    void sqlValuesAsDocumentsMatchSqlite() throws SQLException {
        JsonDifferentialTest.allMatch(
                "SELECT hex(jsonb(1e999)), hex(jsonb(-1e999)), hex(jsonb(1.5)), hex(jsonb(-0.0)), hex(jsonb(12345678901234567890)), hex(jsonb(0.1))",
                "SELECT hex(jsonb_array(1e999, -0.0, 0.1, 1e-7, 9223372036854775807)), hex(jsonb_object('r', 1.0, 'i', -5))",
                "SELECT hex(jsonb_set('[]', '$[0]', 0.1, '$[1]', 1e-7, '$[2]', -0.0, '$[3]', 1e300))",
                "SELECT jsonb('{\"a\":1}') = jsonb('{\"a\":1}'), jsonb('{\"a\":1}') = jsonb('{ \"a\" : 1 }'), jsonb('[1]') < jsonb('[2]')",
                "SELECT json_extract(jsonb('{\"a\":\"\\u0000x\"}'), '$.a'), length(json_extract(jsonb('[\"a\\u0000b\"]'), '$[0]'))",
                "SELECT jsonb_extract('[1,[2,3]]', '$[1][0]'), typeof(jsonb_extract('[1,[2,3]]', '$[1]')), jsonb_extract('{\"a\":\"x\\ty\"}', '$.a')",
                "SELECT json_array_length(jsonb('[1,2,3]')), json_array_length(jsonb('{\"a\":[1]}'), '$.a'), json_type(jsonb('{\"a\":[1]}'), '$.a[0]')");
    }

    @Test
    void damagedBlobsMatchSqlite() throws SQLException {
        List<String> s = new ArrayList<>();
        String[] blobs = {"x'13'", "x'1b13'", "x'130a'", "x'1b0031'", "x'f000000000000000011331'", "x'c0011331'",
            "x'c0'", "x'0d'", "x'10'", "x'1c'", "x'2c1701'", "x'3c17611f'", "x'2b0000'", "x'1b00'", "x'23312d'",
            "x'33302e'", "x'2535'", "x'352e3565'", "x'362e35'", "x'262e'", "x'4430783147'", "x'2878'", "x'385c71'",
            "x'385c75'", "x'695c7831'", "x'595c7830'", "x'175c'", "x'1722'", "x'3827615c'", "x'2a0a5c'",
            "x'5b315d'", "x'7b7d'", "x'31'", "x'3132'", "x'e00000000113'", "x'd0000113'", "x'cb0101'",
            "x'3b10001000'", "x'5c1761136210'", "x'13' || x'31'", "x'1531'", "x'1631'", "x'2530'", "x'352d2e31'"};
        for (String b : blobs) {
            s.add("SELECT json_valid(" + b + ", 4), json_valid(" + b + ", 8), json_valid(" + b + ", 1), json_valid(" + b
                    + ", 2), json_error_position(" + b + ")");
            s.add("SELECT hex(jsonb(" + b + "))");
            s.add("SELECT json(" + b + ")");
        }
        JsonDifferentialTest.allMatch(s.toArray(String[]::new));
    }
}
