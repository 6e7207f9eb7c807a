-- Triggers: CREATE/DROP TRIGGER, BEFORE/AFTER on INSERT/UPDATE/DELETE, WHEN, UPDATE OF,
-- NEW/OLD, RAISE, cascades, changes() and total_changes().
CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, qty INTEGER DEFAULT 1);
CREATE TABLE log(at INTEGER PRIMARY KEY, what TEXT, id, old, new);
CREATE TRIGGER ti AFTER INSERT ON t BEGIN
  INSERT INTO log(what, id, new) VALUES ('ins', new.id, new.name);
END;
CREATE TRIGGER tu AFTER UPDATE OF name ON t WHEN old.name IS NOT new.name BEGIN
  INSERT INTO log(what, id, old, new) VALUES ('upd', new.rowid, old.name, new.name);
END;
CREATE TRIGGER td BEFORE DELETE ON t BEGIN
  INSERT INTO log(what, id, old) VALUES ('del', old.id, old.name);
END;
CREATE TRIGGER tb BEFORE INSERT ON t BEGIN
  INSERT INTO log(what, id, new) VALUES ('before', new.id, quote(new.qty));
END;
INSERT INTO t(name) VALUES ('a'), ('b'), ('c');
SELECT changes(), total_changes(), last_insert_rowid();
UPDATE t SET name = upper(name) WHERE id >= 2;
UPDATE t SET qty = 5;
UPDATE t SET name = name;
DELETE FROM t WHERE id = 1;
SELECT changes(), total_changes();
SELECT * FROM t;
SELECT * FROM log;
SELECT type, name, tbl_name, rootpage FROM sqlite_schema ORDER BY name;

-- RAISE
CREATE TABLE r(a INTEGER PRIMARY KEY, b);
CREATE TRIGGER r_skip BEFORE INSERT ON r WHEN new.b < 0 BEGIN SELECT RAISE(IGNORE); END;
CREATE TRIGGER r_abort BEFORE INSERT ON r WHEN new.b > 100 BEGIN SELECT RAISE(ABORT, 'too big'); END;
CREATE TRIGGER r_fail AFTER INSERT ON r WHEN new.b = 50 BEGIN SELECT RAISE(FAIL, 'fifty'); END;
CREATE TRIGGER r_rollback AFTER INSERT ON r WHEN new.b = 66 BEGIN SELECT RAISE(ROLLBACK, 'sixty six'); END;
INSERT INTO r(b) VALUES (1), (-1), (2);
INSERT INTO r(b) VALUES (3), (200), (4);
INSERT INTO r(b) VALUES (5), (50), (6);
SELECT * FROM r;
BEGIN;
INSERT INTO r(b) VALUES (7);
INSERT INTO r(b) VALUES (8), (66);
COMMIT;
SELECT * FROM r;
SELECT RAISE(IGNORE);

-- cascades; a trigger does not fire itself
CREATE TABLE a(x);
CREATE TABLE b(x);
CREATE TRIGGER ab AFTER INSERT ON a BEGIN INSERT INTO b VALUES (new.x * 2); END;
CREATE TRIGGER ba AFTER INSERT ON b BEGIN INSERT INTO a VALUES (new.x + 1); END;
CREATE TRIGGER aa AFTER INSERT ON a WHEN new.x < 3 BEGIN INSERT INTO a VALUES (new.x + 10); END;
INSERT INTO a VALUES (1);
SELECT * FROM a;
SELECT * FROM b;

-- errors at CREATE and when a trigger fires
CREATE TRIGGER IF NOT EXISTS ti AFTER INSERT ON t BEGIN SELECT 1; END;
CREATE TRIGGER x AFTER INSERT ON nosuch BEGIN SELECT 1; END;
CREATE TRIGGER x INSTEAD OF INSERT ON t BEGIN SELECT 1; END;
CREATE TRIGGER bad AFTER INSERT ON a BEGIN INSERT INTO b VALUES (new.nope); END;
INSERT INTO a VALUES (100);
DROP TRIGGER bad;
DROP TRIGGER bad;
DROP TRIGGER IF EXISTS bad;
DROP TRIGGER tu;
UPDATE t SET name = 'z';
SELECT count(*) FROM log;
SELECT name FROM sqlite_schema WHERE type = 'trigger' ORDER BY name;
