-- Table-valued functions in FROM: json_each, json_tree, pragma functions with column arguments.
-- (The id and parent columns are left out: sqlite3 3.40 numbers nodes, 3.45+ uses JSONB offsets.)
.headers on
.mode list
SELECT key, value, type, atom, fullkey, path FROM json_each('[1,2.5,"x",true,false,null,[3,4],{"a":5}]');
SELECT key, value, type, atom, fullkey, path FROM json_each('{"a":1,"b":[1,{"c":"d"}],"e":{"f":{}}}');
SELECT key, value, type, atom, fullkey, path FROM json_tree('{"a":1,"b":[1,{"c":"d"}],"e":{"f":{}}}');
SELECT key, value FROM json_each('{"x":{"y":[1,2]}}', '$.x.y');
SELECT json, root FROM json_each('[1]');
SELECT key, value FROM json_each WHERE json = '[1,2]';
SELECT key, value FROM json_tree WHERE json = '{"a":[1]}' AND root = '$.a';
SELECT value FROM json_each('5');
SELECT count(*) FROM json_each(NULL);
SELECT value FROM json_each('[3,1,2]') ORDER BY value;
SELECT sum(value), count(*), max(key) FROM json_each('[1,2,3,4]');
SELECT type, count(*) FROM json_tree('[1,[2,"a"],{"b":null}]') GROUP BY type ORDER BY type;
SELECT * FROM json_each('[1');
CREATE TABLE t(id INTEGER PRIMARY KEY, doc TEXT, tags TEXT);
INSERT INTO t VALUES (1, '{"x":1,"y":[1,2]}', '["a","b"]'), (2, '{"x":2}', '["c"]'), (3, NULL, '[]'), (4, '[1,2,3]', '["a"]');
SELECT t.id, j.value FROM t, json_each(t.doc) AS j WHERE j.key = 'x';
SELECT t.id, j.key FROM t LEFT JOIN json_each(t.doc) j ORDER BY t.id, j.key;
SELECT id FROM t WHERE EXISTS (SELECT 1 FROM json_each(t.tags) WHERE value = 'a');
SELECT t.id, count(j.key) FROM t LEFT JOIN json_each(t.tags) j GROUP BY t.id;
SELECT j.value, count(*) FROM t, json_each(t.tags) j GROUP BY j.value ORDER BY 2 DESC, 1;
SELECT t.id, j.fullkey, j.value FROM t, json_tree(t.doc) j WHERE j.atom IS NOT NULL ORDER BY 1, 2;
EXPLAIN QUERY PLAN SELECT * FROM t, json_each(t.doc) j;
EXPLAIN QUERY PLAN SELECT * FROM t LEFT JOIN json_each(t.doc, '$.y') j;
CREATE TABLE b(p, q REFERENCES t(id), UNIQUE(p, q));
CREATE INDEX bq ON b(q);
SELECT m.name, p.name, p.type, p.pk FROM sqlite_schema m, pragma_table_info(m.name) p WHERE m.type = 'table' ORDER BY m.name, p.cid;
SELECT m.name, l.name, l."unique", l.origin FROM sqlite_schema m, pragma_index_list(m.name) l WHERE m.type = 'table' ORDER BY 1, 2;
SELECT l.name, i.name FROM pragma_index_list('b') l, pragma_index_info(l.name) i ORDER BY 1, 2;
SELECT m.name, f."table", f."from", f."to" FROM sqlite_schema m, pragma_foreign_key_list(m.name) f;
EXPLAIN QUERY PLAN SELECT m.name, p.name FROM sqlite_schema m, pragma_table_info(m.name) p;
