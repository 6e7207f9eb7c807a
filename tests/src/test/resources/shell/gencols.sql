-- Generated columns: VIRTUAL ones computed on read, STORED ones on write, indexes on them,
-- UPDATE of their inputs, and the writes SQLite refuses.
CREATE TABLE t(id INTEGER PRIMARY KEY, a INT, b INT GENERATED ALWAYS AS (a * 2) VIRTUAL,
  c TEXT AS (a + 1) STORED, d AS (b || '-' || c), e REAL AS (a) STORED);
INSERT INTO t(a) VALUES (1), ('2'), (NULL), ('x');
SELECT * FROM t;
SELECT typeof(b), typeof(c), typeof(e) FROM t;
CREATE INDEX tb ON t(b);
CREATE UNIQUE INDEX tc ON t(c);
SELECT id FROM t WHERE b = 4;
UPDATE t SET a = a + 10 WHERE id < 3;
SELECT * FROM t ORDER BY b;
INSERT INTO t(a) VALUES (11);
INSERT INTO t(a, b) VALUES (1, 2);
UPDATE t SET c = 0;
INSERT INTO t VALUES (9, 9, 9, 9, 9, 9);
CREATE TABLE bad(a AS (1));
CREATE TABLE bad(a, b AS (a) DEFAULT 3);
PRAGMA table_info(t);
PRAGMA table_xinfo(t);
PRAGMA integrity_check;
DELETE FROM t WHERE b = 24;
SELECT count(*), sum(b), sum(c) FROM t;
