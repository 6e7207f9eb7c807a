-- Statement kinds beyond the basics: RETURNING, upserts, window functions, STRICT tables,
-- generated columns, REINDEX, ANALYZE. (WITHOUT ROWID, VACUUM and JSON: ../shell-todo/.)
CREATE TABLE s(id INTEGER PRIMARY KEY, n INT NOT NULL, t TEXT) STRICT;
INSERT INTO s VALUES (1, 5, 'x');
INSERT INTO s VALUES (2, 'not a number', 'y');
SELECT * FROM s;
CREATE TABLE g(a INT, b INT GENERATED ALWAYS AS (a * 2) VIRTUAL, c INT AS (a + 1) STORED);
INSERT INTO g(a) VALUES (1), (5);
SELECT * FROM g;
CREATE TABLE w(grp TEXT, x INT);
INSERT INTO w VALUES ('a', 1), ('a', 3), ('b', 2), ('b', 5), ('b', 4);
SELECT grp, x, row_number() OVER (PARTITION BY grp ORDER BY x), sum(x) OVER (PARTITION BY grp) FROM w ORDER BY grp, x;
SELECT x, rank() OVER (ORDER BY x DESC), lag(x) OVER (ORDER BY x), lead(x, 1, -1) OVER (ORDER BY x) FROM w ORDER BY x;
SELECT grp, x, sum(x) OVER (ORDER BY x ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM w ORDER BY x;
CREATE INDEX w_x ON w(x);
REINDEX w_x;
ANALYZE;
SELECT tbl, idx FROM sqlite_stat1 ORDER BY tbl, idx;
SELECT count(*) FROM w;
SELECT printf('%5.2f|%-4s|%04d|%x', 3.14159, 'ab', 42, 255), quote('it''s'), quote(x'00ff'), quote(NULL), quote(1.5);
SELECT date('2024-02-28', '+1 day'), time('12:34:56'), datetime('2024-01-01 00:00:00', '+90 minutes'), strftime('%Y/%m', '2023-07-04');
SELECT 1 IN (1, 2), 3 NOT IN (1, 2), 'abc' LIKE 'A%', 'abc' GLOB 'A*', 'a' < 'b', NULL = NULL, NULL IS NULL;
SELECT cast('3.0' AS REAL) = 3, '10' + 5, '1e2' * 1, 'x' + 1, 5 / 2.0, 5 % 0;
