-- One-pass DELETE and UPDATE (changed under the WHERE loop's cursor) and DELETE without WHERE.
CREATE TABLE t(a INTEGER PRIMARY KEY, b INT, c TEXT, d INT UNIQUE);
CREATE INDEX tb ON t(b);
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 300)
INSERT INTO t SELECT i, (i * 37) % 11, 'v' || i, i * 2 FROM s;
DELETE FROM t WHERE a % 3 = 0;
SELECT changes(), count(*), sum(a), sum(d) FROM t;
UPDATE t SET c = c || 1 WHERE a % 10 = 1;
SELECT changes(), count(*) FROM t WHERE c LIKE '%1';
DELETE FROM t WHERE b = 4;
SELECT changes(), count(*) FROM t;
UPDATE t SET c = 'b' || b WHERE b IN (2, 3) AND a > 100;
SELECT changes(), group_concat(a) FROM t WHERE c LIKE 'b%';
DELETE FROM t WHERE a = 7;
DELETE FROM t WHERE a BETWEEN 10 AND 40;
SELECT changes(), min(a), count(*) FROM t;
UPDATE OR FAIL t SET d = CASE WHEN a = 200 THEN 10 ELSE d + 1 END WHERE b IN (8, 2);
SELECT changes(), sum(d), count(*) FROM t WHERE d % 2 = 1;
UPDATE OR IGNORE t SET d = d + 2 WHERE a > 250;
SELECT changes(), sum(d) FROM t;
PRAGMA integrity_check;
DELETE FROM t;
SELECT changes(), count(*) FROM t;
INSERT INTO t(b, c, d) VALUES (1, 'x', 1);
SELECT * FROM t;
PRAGMA integrity_check;
