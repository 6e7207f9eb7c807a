-- CREATE / DROP of tables, indexes, views and triggers; .tables and .schema over them.
.tables
CREATE TABLE t1(a INTEGER PRIMARY KEY, b TEXT NOT NULL, c REAL DEFAULT 1.5);
CREATE TABLE "weird name"(x, "y z");
CREATE TABLE IF NOT EXISTS t1(q);
CREATE TABLE counters(id INTEGER PRIMARY KEY AUTOINCREMENT, n INT);
CREATE TABLE abcdefghijklmnopqrstuvwxyz_long_name(x);
CREATE INDEX t1_b ON t1(b);
CREATE UNIQUE INDEX t1_bc ON t1(b, c);
CREATE VIEW v1 AS SELECT a, b FROM t1 WHERE a > 1;
CREATE TRIGGER counters_ins AFTER INSERT ON counters BEGIN
  UPDATE counters SET n = coalesce(n, 0) + 1 WHERE id = new.id;
END;
.tables
.tables t%
.tables nothing%
.schema
.schema t1
.schema counters
.schema sqlite_sequence
.schema v%
INSERT INTO counters(n) VALUES (10), (20);
SELECT * FROM counters;
SELECT name, seq FROM sqlite_sequence;
SELECT type, name, tbl_name FROM sqlite_schema ORDER BY name;
DROP INDEX t1_bc;
DROP VIEW v1;
DROP TRIGGER counters_ins;
DROP TABLE "weird name";
DROP TABLE IF EXISTS no_such_table;
.tables
.schema
ALTER TABLE t1 ADD COLUMN d TEXT;
ALTER TABLE t1 RENAME TO t1_renamed;
.schema t1_renamed
CREATE TABLE t1(z);
DROP TABLE t1;
DROP TABLE t1;
CREATE TABLE t1_renamed(x);
SELECT count(*) FROM sqlite_schema;
