-- Not yet supported by turso4j (issue #5 notes): WITHOUT ROWID tables, the JSON functions.
-- Not run by default; see README (ShellDifferentialIT with -Dturso4j.shell.corpus=shell-todo).
CREATE TABLE kv(k TEXT PRIMARY KEY, v INT) WITHOUT ROWID;
INSERT INTO kv VALUES ('b', 2), ('a', 1), ('c', 3) RETURNING k, v * 10;
UPDATE kv SET v = v + 1 WHERE k >= 'b' RETURNING *;
DELETE FROM kv WHERE k = 'a' RETURNING k;
INSERT INTO kv VALUES ('b', 0) ON CONFLICT(k) DO UPDATE SET v = v + 100;
INSERT INTO kv VALUES ('z', 0) ON CONFLICT DO NOTHING;
SELECT * FROM kv;
SELECT json_object('a', 1, 'b', 'two'), json_array(1, 2.5, 'x', NULL), json_extract('{"a":[1,2]}', '$.a[1]');
