package io.turso4j;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * The JSON functions against SQLite 3.54 (sqlite-jdbc): every function with nested values,
 * unicode escapes, big numbers, JSON5 input, malformed JSON, bad paths, NULLs and JSON values
 * passed between functions (the subtype rule).
 */
class JsonDifferentialTest {

    @Test
    void scalarFunctionsMatchSqlite() throws SQLException {
        allMatch(
                "SELECT json(' { \"a\" : [1, 2.50, 1e5, -0, \"x\\u0041\\n\"] , \"a\":2} ')",
                "SELECT json('{a:1, b:''x\\x41'', c:0x1F, d:+1, e:.5, f:5., g:Infinity, h:-Infinity, i:NaN, /*c*/ j:[1,],}')",
                "SELECT json('01'), json_error_position('01')",
                "SELECT json('[1,2')",
                "SELECT json_quote(3.14), json_quote(0.1), json_quote(1e300), json_quote(1e999), json_quote(-1e999), json_quote(1.0), json_quote(100.0), json_quote(1e15),json_quote(1e16), json_quote(123456789.123456789)",
                "SELECT json_array(0.1, 1e20, 2.5e-10, 1/3.0)",
                "SELECT json_extract('{\"a\":[1,2]}', '$.a['), json_extract('{\"a\":1}','a')",
                "SELECT json_extract('{\"a\":1}','$.a.')",
                "SELECT json_extract('[1,2,3]','$[#-1]'), json_extract('[1,2,3]','$[#]'), json_extract('[1,2,3]','$[#-5]'), json_extract('[1,2,3]','$[-1]')",
                "SELECT '[1,2,3]' -> -1, '[1,2,3]' -> 1, '{\"a\":{\"b\":2}}' -> 'a', '{\"a\":{\"b\":2}}' ->> 'a.b', '{\"a\":{\"b\":2}}' -> '$.a', '[[1]]' -> '[0]'",
                "SELECT '{\"a\":{\"b\":2}}' -> 'a[', '{\"a b\":1}' -> 'a b', '{\"a\":1}' -> 1.5, '[1,2]' -> '1'",
                "SELECT json_extract('123456789012345678901234567890', '$'), json_type('123456789012345678901234567890'), json('123456789012345678901234567890'), json_extract('-9223372036854775808','$'), json_extract('9223372036854775808','$'), json('0xffffffffffffffffffff')",
                "SELECT json_object('a', 1, 'b', 'two'), json_array(1, 2.5, 'x', NULL), json_extract('{\"a\":[1,2]}', '$.a[1]')",
                "SELECT json_object('a'), json_object(1,2)",
                                                "SELECT json_valid('{a:1}'), json_valid('{a:1}', 2), json_valid('{a:1}', 16), json_valid('{a:1}', 0), json_valid(NULL), json_valid(NULL, 1), json_valid('[1]', NULL)",
                "SELECT json_array(json('[1]'), '[1]', json_array(2), json_quote('x'), json_extract('[[1]]','$[0]'), json_extract('[\"a\"]','$[0]'), '[1]' -> '$', '[1]' ->> '$')",
                "SELECT json_set('{\"a\":1}', '$.b', 2, '$.c[0]', 3, '$.a.x', 4), json_insert('[1,2]','$[#]',3,'$[5]',9), json_replace('{\"a\":1}','$.a',json('[1]'),'$.z',1)",
                "SELECT json_remove('[1,2,3]','$[1]','$[0]'), json_remove('{\"a\":1}','$'), json_remove('{\"a\":1}','$.b'), json_remove('[1]', '$[#-1]')",
                "SELECT json_patch('{\"a\":1,\"b\":{\"c\":2}}','{\"b\":{\"c\":null,\"d\":3},\"e\":[1]}'), json_patch('[1]','{\"a\":1}'), json_patch('{\"a\":1}','3')",
                "SELECT json_type('{\"a\":[1,2.0,\"x\",true,false,null,{}]}'), json_type('[1]','$[0]'), json_type('[1.0]','$[0]'), json_type('[1]','$[9]')",
                "SELECT json_array_length('[1,2]'), json_array_length('{}'), json_array_length('[1,[2,3]]','$[1]'), json_array_length('[1]','$[3]')",
                "SELECT json_error_position('{\"a\":1}'), json_error_position('{\"a\":1'), json_error_position('[\"é\", x]'), json_error_position(NULL), json_error_position('')",
                "SELECT json('\"\\uD83D\\uDE00\"'), json_extract('\"\\uD83D\\uDE00\"','$'), json_extract('\"\\ud800\"','$'), json_extract('\"a\\tb\\u00e9\\/\"', '$')",
                "SELECT json_quote('a\"b\\c' || char(10) || char(1) || char(127) || '€'), json_quote(NULL), json_quote(json('[1 , 2]')), json_quote(json_quote('x'))",
                "SELECT json_group_array(x) FROM (SELECT 1 x WHERE 0)",
                "SELECT json_extract('{\"a\":1,\"b\":[1,2]}', '$.a', '$.b'), json_extract('{\"a\":1}', '$.a', '$.x'), json_extract(NULL,'$'), json_extract('[1]', NULL)",
                "SELECT json_extract('{\"a\":1}', '$.\"a\"'), json_extract('{\"a.b\":1}', '$.\"a.b\"'), json_extract('{\"a\":1}', '$ .a'), json_extract('{\"\":1}','$.\"\"')",
                "SELECT json_error_position('01')",
                "SELECT json_extract('{\"a\":1}','a')",
                "SELECT json_extract('[1,2,3]','$[#-1]'), json_extract('[1,2,3]','$[#]'), json_extract('[1,2,3]','$[#-5]')",
                "SELECT json_extract('123456789012345678901234567890', '$'), json_type('123456789012345678901234567890'), json('123456789012345678901234567890')",
                "SELECT json_extract('-9223372036854775808','$'), json_extract('9223372036854775808','$'), json_extract('-9223372036854775809','$')",
                "SELECT json('0xffffffffffffffffffff')",
                "SELECT json_object(1,2)",
                                "SELECT json_array(x'ff')",
                "SELECT json(x'ff')",
                "SELECT json_valid('{a:1}'), json_valid('{a:1}', 2), json_valid(NULL), json_valid(NULL, 1), json_valid('[1]', NULL), json_valid('[1]', 1.9), json_valid('x', 1), json_valid(x'00'), json_valid('')",
                "SELECT json_valid('{a:1}', 16)",
                "SELECT json_valid('{a:1}', 0)",
                "SELECT json_extract('{\"a\":1}', '$.\"a\"'), json_extract('{\"a.b\":1}', '$.\"a.b\"'), json_extract('{\"\":1}','$.\"\"')",
                "SELECT json_extract('{\"a\":1}', NULL), json_extract('{\"a\":1}', 1), json_extract('{\"a\":1}', '')",
                "SELECT json(NULL), json(1), json(2.5), json(' \"x\" '), json('null'), json_type('null'), json_type(NULL), json_type('')",
                "SELECT json('')",
                "SELECT json_set('[1]', '$[#-1]', 9, '$[#]', 8), json_set('{}', '$', 1), json_set(NULL, '$.a', 1), json_set('{}', '$.a', NULL), json_set('{}', '$.a')",
                "SELECT json_insert('{\"a\":{\"b\":1}}', '$.a.c.d', 5), json_set('[]', '$[1]', 1), json_set('{\"a\":1}', '$.a[0]', 1)",
                "SELECT json('{\"a\":1,\"a\":2}') -> 'a', json_set('{\"a\":1,\"a\":2}','$.a',3), json_remove('{\"a\":1,\"a\":2}','$.a')",
                "SELECT json_extract('{\"x\":\"\\u00e9\\\"q\"}', '$.x'), '{\"x\":\"y\"}' ->> 'x', '{\"x\":true}' ->> 'x', '{\"x\":false}' -> 'x', '{\"x\":null}' -> 'x', '{\"x\":null}' ->> 'x', '{\"x\":1.50}' -> 'x', '{\"x\":1.50}' ->> 'x'",
                "SELECT json_array('a' || char(0) || 'b'), json_quote(char(31)), json_quote(char(8,9,10,12,13,27)), json_quote(char(8232))",
                "SELECT json(' [ 1 , { } , [ ] , \"\" ] '), json('[1e+5, 1E-5, -1.5e0, 0.0]'), json_extract('[1e+5, 1E-5, -1.5e0, 1e999]', '$[0]', '$[1]','$[2]','$[3]')",
                "SELECT json_extract('[1e999]','$[0]'), json_extract('[-1e999]','$[0]'), json_extract('[Infinity]','$[0]'), json_extract('[NaN]','$[0]'), json_type('[NaN]','$[0]'), json_type('[Infinity]','$[0]'), json_type('[0x10]','$[0]')",
                "SELECT json('{\"a\":1}' || ''), json_array(json('{}') || '')",
                "SELECT json_patch('{\"a\":[1,2]}', '{\"a\":{\"x\":1}}'), json_patch('{\"a\":{\"x\":1}}', '{\"a\":{\"x\":null,\"y\":null}}'), json_patch(NULL, '{}'), json_patch('{}', NULL)",
                "SELECT json_remove('[1,2]'), json_remove(NULL, '$'), json_remove('[1,2]', NULL)",
                "SELECT json_replace('[1,2]','$[#]',3), json_insert('{\"a\":1}','$.a',2), json_set('[1]','$[3]',1)",
                "SELECT json_array_length(NULL), json_array_length('[]', NULL), json_array_length('3')",
                "SELECT json_type('{}', '$.a'), json_type('[1]', '$[#-1]'), json_type('{\"a\":[]}', '$.a')",
                "SELECT json_error_position('{\"a\":1,}'), json_error_position('[1,,2]'), json_error_position('{\"a\" 1}'), json_error_position(' tru'), json_error_position('\"abc'), json_error_position('[1] x'), json_error_position('😀x')",
                "SELECT json_array(1,json_object('a',json_array())), json_object('a',json('{\"b\":[1]}'), 'c', '{\"d\":1}')",
                "SELECT json_object('a', 1, 'a', 2), json_object(), json_array()",
                "SELECT json('[1,2,3]' -> '$'), typeof('[1]' -> 0), typeof('[1.5]' ->> 0), typeof('[\"1\"]' ->> 0)",
                "SELECT json_extract('{\"a\":1}', '$[0]'), json_extract('[1]', '$.a'), json_extract('[[1,2]]','$[0][#-1]'), json_extract('{\"a\":{\"b\":[5]}}','$.a.b[0]')",
                "SELECT json_extract('[1]', '$[01]'), json_extract('[1,2]', '$[ 1]')",
                "SELECT json_extract('{\"a b\":1}', '$.a b'), json_extract('{\"a\":1}', '$.a\"'),json_extract('{\"a\\\"b\":1}', '$.\"a\\\"b\"')",
                "SELECT json_extract('{\"a\":1}','$[')",
                "SELECT json_extract('{\"a\":1}','$x')",
                "SELECT json_extract('{\"a\":1}','$.')",
                "SELECT json_extract('[1]','$[#-0]'), json_extract('[1]','$[#+1]')",
                "SELECT json_set('[1]','$[#-0]', 5)",
                "SELECT json('\"a\\0b\"'), json_valid('\"a\\0\"', 2), json_valid('\"a\\01\"', 2)",
                "SELECT json('\"a\\01\"')",
                "SELECT json('[' || '\"\\x41\"' || ']'), json_valid('\"\\x41\"'), json_valid('[1,]'), json_valid('//c' || char(10) || '1'), json_valid('\"a' || char(10) || '\"'), json_valid('\"\\''\"'), json_valid(' 1 ')",
                "SELECT json_valid('{a:1}'), json_valid('{a:1}', 2), json_valid(NULL), json_valid(NULL, 1)",
                "SELECT json_valid('[1]', NULL)",
                "SELECT json_valid('[1]', 1.9), json_valid('[1]', '3')",
                "SELECT json_valid('x', 1), json_valid(x'00'), json_valid(x'00', 1), json_valid(''), json_valid('[1]', 4), json_valid(1), json_valid(1.5)",
                "SELECT json_extract('{\"a\":1}', NULL), json_extract('{\"a\":1}', '$.a', NULL), json_extract('{\"a\":1}', '$')",
                "SELECT json_extract('{\"a\":1}', '')",
                "SELECT json(NULL), json(1), json(2.5), json(' \"x\" '), json('null'), json_type('null'), json_type(NULL)",
                "SELECT json_type('', '$')",
                "SELECT json_set('[1]', '$[#-1]', 9, '$[#]', 8), json_set('{}', '$', 1), json_set(NULL, '$.a', 1), json_set('{}', '$.a', NULL)",
                "SELECT json_set('{}', NULL, 1), json_remove('[1]', NULL), json_insert('{}', '$.a', 1, NULL, 2)",
                "SELECT json_set('{}', 'x', 1)",
                "SELECT json('\"a' || char(10) || '\"'), json('\"a' || char(9) || '\"'), json('\"\\v\\0\\''\"'), json('''\"a\"'''), json('\"\\/\\u00e9\"'), json('{$a_1:1, é:2}')",
                "SELECT json('\"a\\' || char(10) || 'b\"')",
                "SELECT json_group_object(k, v) FROM (SELECT NULL k, 1 v UNION ALL SELECT 2, 3 UNION ALL SELECT 1.5, 'x')",
                "SELECT json_group_array(json_array(v)) FROM (SELECT 1 v UNION ALL SELECT 2)",
                "SELECT json_group_array(json(v)) OVER (ORDER BY v ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM (SELECT '1' v UNION ALL SELECT '[2]' UNION ALL SELECT '3')",
                "SELECT json_patch('{}','{\"a\":{\"b\":null,\"c\":1}}'), json_patch('{\"a\":1,\"a\":2}','{\"a\":null}'), json_patch('[1]', '[2]')",
                "SELECT json_patch('{\"a\":1}', '{a:2}'), json_patch('x', '{}')",
                "SELECT json_object('a', json_quote(1.5)), json_quote('[1]'), json_quote(json('\"x\"')), json_quote(1), json_quote(-0.0)",
                "SELECT json_array(-0.0, 1e-300, 5e-324, 1.7976931348623157e308, 100000000000000000000.0, 12345678901234567.0), json_array(9223372036854775807, -9223372036854775808)",
                "SELECT json('[-]')",
                "SELECT json_error_position('[-]'), json_error_position('[1.]'), json_error_position('[.e1]'), json_error_position('{\"a\":tru}'), json_error_position('[1 2]'), json_error_position('{1:2}'), json_error_position('\"\\q\"'), json_error_position('\"\\u12\"'), json_error_position('{\"a\":1,,}')",
                "SELECT '[1,2]' -> 'a_b', '{\"a_b\":1}' -> 'a_b', '{\"a-b\":1}' ->> 'a-b', '{\"é\":1}' ->> 'é', '[1,2]' -> '[1]', '[1,2]' -> '[#-1]', '[[1,2]]' -> '[0][1]', '{\"a\":[1]}' -> 'a[0]'",
                "SELECT '[1]' -> NULL, NULL -> '$', '{\"a\":1}' -> '$.a.'",
                "SELECT json_extract('{\"a\":1}', '$[#]'), json_extract('[1]', '$.#')",
                "SELECT json_set('{\"a\":[1,2]}', '$.a[#]', json('{\"x\":1}')), json_array_length('[1,2]', '$'), json_array_length('{\"a\":[1]}', 'a')");
    }

    /** Like {@link SqliteOracle#differential} but reports every mismatch at once. */
    static void allMatch(String... statements) throws SQLException {
        java.util.List<String> mismatches = new java.util.ArrayList<>();
        try (SqliteOracle oracle = new SqliteOracle()) {
            for (String sql : statements) {
                String expected = oracle.sqlite(sql);
                String actual = oracle.turso(sql);
                if (!expected.equals(actual)) {
                    mismatches.add(sql + "\n  sqlite: " + expected + "\n  turso:  " + actual);
                }
            }
        }
        StringBuilder shown = new StringBuilder();
        String.join("\n", mismatches).codePoints().forEach(c -> shown.append(
                c < 0x20 && c != '\n' ? String.format("\\x%02x", c) : Character.toString(c)));
        org.junit.jupiter.api.Assertions.assertEquals("", shown.toString());
    }

    @Test
    void subtypeDoesNotSurviveATableButDoesAnExpression() throws SQLException {
        SqliteOracle.differential(
                "CREATE TABLE t(id INTEGER PRIMARY KEY, j TEXT)",
                "INSERT INTO t(j) VALUES ('{\"a\":[1,2,{\"b\":null}],\"c\":\"x\"}'), ('[1,2,3]'), (NULL), ('{\"a\":1}')",
                "SELECT id, json_array(j), json_array(json(j)), j -> '$.a', j ->> '$.c', json_type(j) FROM t ORDER BY id",
                "SELECT json_group_array(j -> '$.a') FROM t",
                "SELECT json_group_object(id, json(j)) FROM t",
                "SELECT id, json_extract(j, '$.a[#-1]'), j -> 'a' -> 2 ->> 'b', json_array_length(j, '$.a') FROM t ORDER BY id",
                "SELECT json_set(j, '$.new', json_object('k', j -> 'a')) FROM t ORDER BY id",
                "SELECT json_object('x', CASE WHEN id > 1 THEN json('[9]') ELSE 'str' END) FROM t ORDER BY id",
                "SELECT json_group_array(id) OVER (ORDER BY id) FROM t",
                "SELECT id FROM t WHERE j ->> '$.c' = 'x'",
                "SELECT json_array(json_object('a', coalesce(NULL, json('[1]'))), json_array(1) || '')");
    }
}
