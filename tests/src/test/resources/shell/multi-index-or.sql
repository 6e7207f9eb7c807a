-- OR terms over differently indexed columns (MULTI-INDEX OR): rows in SQLite's order, also as a join's inner loop, in a correlated subquery, under DISTINCT, GROUP BY, LIMIT, min/max, and in DELETE/UPDATE.
CREATE TABLE t(a, b, c, d); CREATE INDEX ta ON t(a); CREATE INDEX tb ON t(b);
CREATE TABLE o(k, v);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 200) INSERT INTO t SELECT i % 7, i % 11, i % 5, i FROM n;
INSERT INTO o VALUES (1, 2), (3, 4), (5, 5), (2, NULL);
SELECT count(*), sum(d) FROM t WHERE a = 1 OR b = 2;
SELECT d FROM t WHERE a = 1 OR b = 2 LIMIT 5;
SELECT c, count(*) FROM t WHERE a = 1 OR b > 8 GROUP BY c;
SELECT o.k, t.d FROM o, t WHERE (t.a = o.k OR t.b = o.v) AND t.c = 0;
SELECT k, (SELECT group_concat(d) FROM t WHERE a = o.k OR b = o.v) FROM o;
SELECT DISTINCT c FROM t WHERE a = 2 OR b = 3;
SELECT max(d), min(d) FROM t WHERE a = 1 OR b = 2;
SELECT d FROM t WHERE a = 1 OR rowid IN (5, 6, 7) OR b = 4 ORDER BY d DESC LIMIT 4;
DELETE FROM t WHERE a = 1 OR b = 2;
SELECT count(*) FROM t;
UPDATE t SET d = -d WHERE a = 3 OR b = 3;
SELECT sum(d) FROM t;
