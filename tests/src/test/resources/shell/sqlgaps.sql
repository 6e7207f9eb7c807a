-- Statements turso4j once refused: row values assigned from subqueries (UPDATE, UPSERT,
-- UPDATE … FROM), a trigger's INSERT … SELECT from the table it fills, a table NATURAL
-- JOINed with itself, aliased parenthesized joins of unnamed subqueries, ALTER TABLE and
-- VACUUM with WITHOUT ROWID tables, INSTEAD OF UPDATE forms on views.
CREATE TABLE t(a INTEGER PRIMARY KEY, b, c);
INSERT INTO t VALUES (1, 'x', 1), (2, 'y', 2), (3, 'z', 3);
CREATE TABLE u(a, x, y);
INSERT INTO u VALUES (1, 'u1', 10), (2, 'u2', 20);
UPDATE t SET (b, c) = (SELECT 'q', 9.0) WHERE a = 1;
UPDATE t SET (c, b) = (SELECT y, x FROM u WHERE u.a = t.a) WHERE a > 1;
SELECT * FROM t;
UPDATE t SET (b, c) = (SELECT 1, 2, 3);
INSERT INTO t VALUES (1, 'n', 0) ON CONFLICT(a) DO UPDATE SET (b, c) = (SELECT x || excluded.b, y + 1 FROM u WHERE u.a = 1);
UPDATE t SET (b, c) = (SELECT u.x, u.y + v.j FROM u WHERE u.a = v.k)
  FROM (SELECT 1 AS k, 3 AS j UNION ALL SELECT 2, 2) AS v WHERE t.a = v.j;
SELECT * FROM t;

CREATE TABLE r(n);
CREATE TRIGGER rr AFTER INSERT ON r WHEN new.n < 3 BEGIN INSERT INTO r SELECT n + 1 FROM r WHERE n = new.n; END;
PRAGMA recursive_triggers = 1;
INSERT INTO r VALUES (1);
SELECT * FROM r;
PRAGMA recursive_triggers = 0;

SELECT * FROM u NATURAL JOIN u;
SELECT u.x FROM u JOIN u USING (a, x, y) ORDER BY 1 DESC;
SELECT * FROM (u JOIN (SELECT a, 'w' || a AS w FROM u) USING (a)) AS z;
SELECT * FROM t LEFT JOIN ((u JOIN (SELECT 10 AS yy) ON u.y = yy)) USING (a);

CREATE TABLE k(a TEXT PRIMARY KEY, b, c) WITHOUT ROWID;
INSERT INTO k VALUES ('x', 1, 2), ('y', 3, 4);
CREATE INDEX kb ON k(b);
ALTER TABLE k ADD COLUMN d DEFAULT 7;
ALTER TABLE k RENAME COLUMN b TO bb;
ALTER TABLE k DROP COLUMN c;
ALTER TABLE k RENAME TO k2;
INSERT INTO k2 VALUES ('z', 5, 6);
VACUUM;
SELECT * FROM k2 WHERE bb > 1;
PRAGMA integrity_check;

CREATE VIEW v AS SELECT a, b, c FROM t;
CREATE TABLE log(what);
CREATE TRIGGER vu INSTEAD OF UPDATE ON v BEGIN INSERT INTO log VALUES (old.a || ':' || new.b || ',' || new.c); END;
CREATE TRIGGER vd INSTEAD OF DELETE ON v BEGIN INSERT INTO log VALUES ('del ' || old.a); END;
UPDATE v SET (b, c) = ('p', c + 1) WHERE a = 1;
UPDATE v SET (b, c) = (SELECT x, y FROM u WHERE u.a = v.a) WHERE a >= 2;
UPDATE v SET b = u.x FROM u WHERE u.a = v.a;
UPDATE v SET b = 'L' ORDER BY a DESC LIMIT 2;
DELETE FROM v ORDER BY a LIMIT 1 OFFSET 1;
SELECT * FROM log;

CREATE TABLE tv(a, c);
CREATE TABLE sv(x, y);
INSERT INTO tv VALUES (1, 2), (2, 3);
CREATE VIEW vv AS SELECT a AS p, c * 10 AS q FROM tv;
CREATE TRIGGER tvu AFTER UPDATE OF c ON tv WHEN (SELECT count(*) FROM vv WHERE p = new.a) > 0 BEGIN
  INSERT INTO sv SELECT p, q FROM vv WHERE p = new.a;
END;
UPDATE tv SET c = 100 WHERE a = 1;
UPDATE tv SET c = vv.q + 1 FROM vv WHERE vv.p = tv.a;
SELECT * FROM tv;
SELECT * FROM sv;

CREATE TABLE rt(a INTEGER PRIMARY KEY, b);
CREATE VIEW rv AS SELECT a, b FROM rt;
CREATE TRIGGER rvi INSTEAD OF INSERT ON rv BEGIN INSERT INTO rt VALUES (new.a, new.b); END;
CREATE TRIGGER rvu INSTEAD OF UPDATE ON rv BEGIN UPDATE rt SET b = new.b WHERE a = old.a; END;
INSERT INTO rv VALUES (1, 'x'), (2, 'y') RETURNING *;
UPDATE rv SET (b) = (SELECT 'q') WHERE a = 2;
INSERT INTO rv VALUES (3, 'z') ON CONFLICT DO NOTHING;
UPDATE t SET (b) = (SELECT 1, 2);
SELECT * FROM rt;
