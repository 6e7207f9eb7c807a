-- generate_series(start, stop, step), which the sqlite3 shell has built in (SQLite's library,
-- and so ShellMatchesSqlite3Test's run of this shell on it, does not).
CREATE TABLE src(id INTEGER PRIMARY KEY, v);
WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 20)
INSERT INTO src SELECT i, i * 10 FROM c;
SELECT * FROM generate_series(1, 5);
SELECT * FROM generate_series(1, 10, 3);
SELECT * FROM generate_series(1, 10, -3);
SELECT * FROM generate_series(0, 20, -7);
SELECT * FROM generate_series(10, 1, -3);
SELECT * FROM generate_series(10, 1);
SELECT * FROM generate_series(5, 5, 0);
SELECT * FROM generate_series(1, 3, 0);
SELECT value, start, stop, step FROM generate_series(2, 8, -2);
SELECT * FROM generate_series(NULL, 5);
SELECT * FROM generate_series(1, NULL);
SELECT * FROM generate_series(1, 3, NULL);
SELECT * FROM generate_series('2', 4.9);
SELECT * FROM generate_series(-3, 3, 2);
SELECT * FROM generate_series(1, 20) WHERE value > 15;
SELECT value FROM generate_series(1, 50, 7) WHERE value BETWEEN 10 AND 40 ORDER BY value DESC;
SELECT * FROM generate_series WHERE start = 3 AND stop = 6;
SELECT * FROM generate_series(3) LIMIT 4;
SELECT x.value, y.value FROM generate_series(1, 3) x, generate_series(x.value, 3) y;
SELECT id, s.value FROM src JOIN generate_series(1, src.id % 3) s WHERE id < 6 ORDER BY id, s.value;
SELECT count(*), sum(value) FROM generate_series(1, 1000);
SELECT (SELECT group_concat(value) FROM generate_series(1, id)) FROM src WHERE id < 4;
EXPLAIN QUERY PLAN SELECT * FROM generate_series(1, 20) WHERE value > 15;
EXPLAIN QUERY PLAN SELECT * FROM generate_series(1, 20, 2);
SELECT * FROM generate_series(1, 3) ORDER BY value DESC;
SELECT * FROM generate_series(1, 2, 3, 4);
SELECT * FROM generate_series();
SELECT * FROM generate_series(2.5, 4);
SELECT * FROM generate_series('abc', 2);
SELECT s.id, g.value FROM src s FULL JOIN generate_series(18, 23) g ON g.value = s.id WHERE g.value IS NULL OR s.id > 15 ORDER BY 2, 1;
