-- Common table expressions, plain and recursive.
WITH t(x) AS (VALUES (1), (2), (3)) SELECT x * x FROM t;
WITH RECURSIVE cnt(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM cnt WHERE x < 10) SELECT group_concat(x) FROM cnt;
WITH RECURSIVE fib(a, b, n) AS (SELECT 0, 1, 1 UNION ALL SELECT b, a + b, n + 1 FROM fib WHERE n < 20)
SELECT n, a FROM fib ORDER BY n DESC LIMIT 3;
CREATE TABLE tree(id INTEGER PRIMARY KEY, parent INT, name TEXT);
INSERT INTO tree VALUES (1, NULL, 'root'), (2, 1, 'a'), (3, 1, 'b'), (4, 2, 'a1'), (5, 4, 'a1x');
WITH RECURSIVE sub(id, depth, path) AS (
  SELECT id, 0, name FROM tree WHERE parent IS NULL
  UNION ALL
  SELECT tree.id, depth + 1, path || '/' || tree.name FROM tree JOIN sub ON tree.parent = sub.id
)
SELECT depth, path FROM sub ORDER BY path;
WITH a AS (SELECT 1 AS v), b AS (SELECT v + 1 AS v FROM a) SELECT a.v, b.v FROM a, b;
WITH big AS (SELECT id FROM tree WHERE id > 2) DELETE FROM tree WHERE id IN big;
SELECT * FROM tree;
