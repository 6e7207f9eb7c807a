-- Which b-tree a query without a usable term scans: sqlite3 reads a covering index instead of
-- the table only when its entries are narrower (from the declared types), so rows come back in
-- table order otherwise; INDEXED BY reads the named index even where the rowid would serve.
CREATE TABLE t2(x INTEGER PRIMARY KEY, y TEXT, z NUMERIC);
CREATE INDEX i3 ON t2(y COLLATE NOCASE, z);
INSERT INTO t2 VALUES (1, 'b', 2), (2, 'A', 1), (3, 'c', 0), (4, 'a', 3), (5, NULL, 5);
SELECT x, y FROM t2;
SELECT y, z FROM t2;
EXPLAIN QUERY PLAN SELECT x, y FROM t2;
SELECT y FROM t2 INDEXED BY i3;
EXPLAIN QUERY PLAN SELECT y FROM t2 INDEXED BY i3;
SELECT x, y FROM t2 INDEXED BY i3 WHERE x = 3;
EXPLAIN QUERY PLAN SELECT * FROM t2 INDEXED BY i3 WHERE x = 3;
EXPLAIN QUERY PLAN SELECT * FROM t2 NOT INDEXED WHERE x = 3;

CREATE TABLE w(a INT, b TEXT, c BLOB);
CREATE INDEX wa ON w(a);
CREATE INDEX wb ON w(b);
CREATE INDEX wab ON w(a, b, c);
INSERT INTO w VALUES (3, 'x', NULL), (1, 'z', x'00'), (2, 'y', 'q'), (1, 'a', 5);
SELECT a FROM w;
SELECT b FROM w;
SELECT a, b, c FROM w;
SELECT count(*) FROM w;
EXPLAIN QUERY PLAN SELECT a FROM w;
EXPLAIN QUERY PLAN SELECT b FROM w;
EXPLAIN QUERY PLAN SELECT a, b, c FROM w;
EXPLAIN QUERY PLAN SELECT * FROM w INDEXED BY wb WHERE a = 1;
SELECT * FROM w INDEXED BY wb WHERE a = 1;

CREATE TABLE t(id INTEGER PRIMARY KEY, a TEXT, b INTEGER);
CREATE INDEX t_b ON t(b);
INSERT INTO t VALUES (1, 'p', 30), (2, 'q', 10), (3, 'r', 20);
SELECT b FROM t;
SELECT a FROM t;
EXPLAIN QUERY PLAN SELECT sum(b), count(*) FROM t;
EXPLAIN QUERY PLAN SELECT a FROM t;

-- GROUP BY on an index's columns reads the groups in index order: no temporary b-tree.
SELECT a, count(*) FROM w GROUP BY a;
EXPLAIN QUERY PLAN SELECT a, count(*) FROM w GROUP BY a;
SELECT a, b, max(c) FROM w GROUP BY a;
EXPLAIN QUERY PLAN SELECT b, count(*) FROM w GROUP BY b;
EXPLAIN QUERY PLAN SELECT c, count(*) FROM w GROUP BY c;
EXPLAIN QUERY PLAN SELECT b, count(*) FROM t GROUP BY b;
SELECT b, count(*) FROM t GROUP BY b;
-- ... and an ORDER BY on those terms, either way, needs no sort either.
SELECT a, count(*) FROM w GROUP BY a ORDER BY a DESC;
EXPLAIN QUERY PLAN SELECT a, count(*) FROM w GROUP BY a ORDER BY a DESC;
EXPLAIN QUERY PLAN SELECT a, count(*) FROM w GROUP BY a ORDER BY a;
EXPLAIN QUERY PLAN SELECT a, count(*) FROM w GROUP BY a ORDER BY 2;
SELECT a, count(*) FROM w GROUP BY a ORDER BY 2, 1;
-- DISTINCT on an index's column: rows come in order, each compared with the one before.
SELECT DISTINCT a FROM w;
EXPLAIN QUERY PLAN SELECT DISTINCT a FROM w;
SELECT DISTINCT b FROM t;
