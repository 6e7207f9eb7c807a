-- VACUUM: rebuilds the database compactly, keeping rows (and their rowids), indexes,
-- views, triggers and header values; the freelist is empty afterwards.
CREATE TABLE t(id INTEGER PRIMARY KEY, a TEXT, b BLOB);
CREATE TABLE u(x TEXT UNIQUE, y);
CREATE TABLE log(msg);
CREATE INDEX ta ON t(a DESC);
CREATE VIEW v AS SELECT id, a FROM t WHERE id < 10;
CREATE TRIGGER tr AFTER DELETE ON u BEGIN INSERT INTO log VALUES ('deleted ' || old.x); END;
WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 600)
INSERT INTO t SELECT i, 'row' || i, zeroblob(300 + i % 7) FROM c;
INSERT INTO u SELECT a, id FROM t WHERE id % 10 = 0;
DELETE FROM t WHERE id % 3 = 0;
DELETE FROM u WHERE y % 20 = 0;
UPDATE t SET b = zeroblob(10) WHERE id % 5 = 0;
PRAGMA user_version = 9;
PRAGMA application_id = 77;
VACUUM;
PRAGMA freelist_count;
PRAGMA integrity_check;
PRAGMA user_version;
PRAGMA application_id;
SELECT count(*), sum(id), sum(length(b)), min(a), max(a) FROM t;
SELECT rowid, * FROM u ORDER BY rowid LIMIT 5;
SELECT * FROM v;
SELECT * FROM log ORDER BY rowid LIMIT 3;
SELECT type, name, tbl_name FROM sqlite_schema ORDER BY rowid;
SELECT id, a FROM t WHERE a > 'row98' ORDER BY a LIMIT 3;
DELETE FROM u WHERE y = 10;
SELECT * FROM log ORDER BY rowid DESC LIMIT 1;
VACUUM main;
PRAGMA freelist_count;
PRAGMA integrity_check;
-- auto_vacuum can change on a database with tables only through VACUUM.
PRAGMA auto_vacuum = FULL;
PRAGMA auto_vacuum;
VACUUM;
PRAGMA auto_vacuum;
DELETE FROM t WHERE id > 100;
PRAGMA freelist_count;
PRAGMA integrity_check;
PRAGMA auto_vacuum = NONE;
VACUUM;
PRAGMA auto_vacuum;
SELECT count(*), sum(id) FROM t;
-- Errors, as SQLite words them.
BEGIN;
VACUUM;
ROLLBACK;
VACUUM INTO 1;
VACUUM INTO NULL;
VACUUM foo;
SELECT count(*) FROM t;
