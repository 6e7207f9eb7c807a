-- .changes, .echo and .eqp.
CREATE TABLE t(a);
.changes on
INSERT INTO t VALUES(1),(2);
SELECT * FROM t;
UPDATE t SET a = a + 1; SELECT 5;
SELECT nosuch;
DELETE FROM t WHERE a = 99;
.changes off
INSERT INTO t VALUES(3);
.changes
.echo on
SELECT 1;   -- c
SELECT 2;
  SELECT
  3;
.print x
.mode list
SELECT nosuch2;
.echo off
SELECT 4;
.echo
.eqp on
CREATE TABLE x(a, b);
CREATE INDEX xa ON x(a);
INSERT INTO x VALUES(1,2);
SELECT * FROM x WHERE a = 1;
SELECT * FROM x WHERE b = 1 ORDER BY a;
SELECT count(*) FROM x;
EXPLAIN QUERY PLAN SELECT * FROM x;
.eqp off
SELECT * FROM x WHERE a = 1;
.eqp
SELECT 6;
.fullschema
CREATE INDEX ta ON t(a);
.fullschema
.fullschema extra
