-- Recursive trigger programs (each level in a frame of its own) whose caller is in the middle
-- of a window, a MULTI-INDEX OR or a json_each scan; REPLACE's DELETE triggers; PRAGMA
-- defer_foreign_keys switched off in a transaction; VACUUM temp.
PRAGMA recursive_triggers = ON;
CREATE TABLE src(id INTEGER PRIMARY KEY, a, b, v);
CREATE INDEX src_a ON src(a);
CREATE INDEX src_b ON src(b);
WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 20)
INSERT INTO src SELECT i, i % 7, i % 5, i * 10 FROM c;
CREATE TABLE w(lvl, v, rn, tot);
CREATE TRIGGER wdeeper AFTER INSERT ON w WHEN new.lvl < 3 BEGIN
  INSERT INTO w SELECT new.lvl + 1, v, row_number() OVER (ORDER BY v), sum(v) OVER (ORDER BY v) FROM src WHERE id <= 3;
END;
INSERT INTO w VALUES (0, 0, 0, 0);
SELECT lvl, v, rn, tot, count(*) FROM w GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4;
CREATE TABLE o(lvl, id);
CREATE TRIGGER odeeper AFTER INSERT ON o WHEN new.lvl < 3 BEGIN
  INSERT INTO o SELECT new.lvl + 1, id FROM src WHERE a = 3 OR b = 1;
END;
INSERT INTO o VALUES (0, 0);
SELECT lvl, count(*), sum(id) FROM o GROUP BY lvl ORDER BY lvl;
CREATE TABLE j(lvl, v);
CREATE TRIGGER jdeeper AFTER INSERT ON j WHEN new.lvl < 3 BEGIN
  INSERT INTO j SELECT new.lvl + 1, value FROM json_each('[1, 2, 3]');
END;
INSERT INTO j VALUES (0, 0);
SELECT lvl, v, count(*) FROM j GROUP BY lvl, v ORDER BY lvl, v;
SELECT total_changes();

CREATE TABLE t(id INTEGER PRIMARY KEY, u UNIQUE, v);
CREATE TABLE log(id INTEGER PRIMARY KEY, what TEXT);
CREATE TRIGGER td AFTER DELETE ON t BEGIN INSERT INTO log(what) VALUES ('del ' || old.id || ' ' || old.u); END;
CREATE TRIGGER tbd BEFORE DELETE ON t BEGIN INSERT INTO log(what) VALUES ('bdel ' || old.id); END;
INSERT INTO t VALUES (1, 'a', 1), (2, 'b', 2), (3, 'c', 3);
REPLACE INTO t VALUES (1, 'b', 10);
INSERT OR REPLACE INTO t VALUES (4, 'c', 40);
UPDATE OR REPLACE t SET u = 'c' WHERE id = 1;
PRAGMA recursive_triggers = OFF;
REPLACE INTO t VALUES (5, 'c', 50);
SELECT * FROM t ORDER BY id;
SELECT * FROM log ORDER BY id;
SELECT changes(), total_changes();

PRAGMA foreign_keys = ON;
CREATE TABLE p(id INTEGER PRIMARY KEY);
CREATE TABLE c(x REFERENCES p);
BEGIN;
PRAGMA defer_foreign_keys = ON;
INSERT INTO c VALUES (7);
PRAGMA defer_foreign_keys = OFF;
COMMIT;
BEGIN;
PRAGMA defer_foreign_keys = ON;
INSERT INTO c VALUES (9);
PRAGMA defer_foreign_keys = OFF;
INSERT INTO c VALUES (10);
INSERT INTO p VALUES (9);
COMMIT;
SELECT * FROM c ORDER BY x;

CREATE TEMP TABLE scratch(a);
INSERT INTO scratch VALUES (1);
VACUUM temp;
VACUUM TEMP;
SELECT * FROM scratch;
SELECT s.id, e.key, e.value FROM src s FULL JOIN json_each('[2, 40]') e ON e.value = s.id WHERE s.id IS NULL OR s.id < 4 ORDER BY 2, 1;
