-- Damaged sqlite_schema tables: each case runs its setup, then the statements after
-- "-- damage" with PRAGMA writable_schema=ON, and reopens the file. SQLite's error on reading
-- the schema must equal SchemaLoader's on the same rows (or both must load).

-- case syntax error in a table's sql
CREATE TABLE t(a, b);
-- damage
UPDATE sqlite_schema SET sql = 'CREATE TABLE t(a, b' WHERE name = 't';

-- case sql that is not a CREATE
CREATE TABLE t(a);
-- damage
UPDATE sqlite_schema SET sql = 'hello' WHERE name = 't';

-- case orphan autoindex
CREATE TABLE t(a);
-- damage
INSERT INTO sqlite_schema VALUES ('index', 'sqlite_autoindex_t_1', 't', 3, NULL);

-- case row name differs from the sql
CREATE TABLE t(a);
-- damage
UPDATE sqlite_schema SET name = 'zz' WHERE name = 't';

-- case row type differs from the sql
CREATE TABLE t(a);
-- damage
UPDATE sqlite_schema SET type = 'view' WHERE name = 't';

-- case index on a missing table
CREATE TABLE t(a);
-- damage
INSERT INTO sqlite_schema VALUES ('index', 'i9', 'nope', 3, 'CREATE INDEX i9 ON nope(a)');

-- case the same table twice
CREATE TABLE t(a);
-- damage
INSERT INTO sqlite_schema VALUES ('table', 't', 't', 3, 'CREATE TABLE t(b)');

-- case root page past the end of the file
CREATE TABLE t(a);
-- damage
UPDATE sqlite_schema SET rootpage = 999 WHERE name = 't';

-- case autoindex root page past the end
CREATE TABLE t(a UNIQUE);
-- damage
UPDATE sqlite_schema SET rootpage = 999 WHERE name = 'sqlite_autoindex_t_1';

-- case null root page
CREATE TABLE t(a);
-- damage
UPDATE sqlite_schema SET rootpage = NULL WHERE name = 't';

-- case duplicate column in stored sql
CREATE TABLE t(a, b);
-- damage
UPDATE sqlite_schema SET sql = 'CREATE TABLE t(a, a)' WHERE name = 't';

-- case a view and trigger load fine
CREATE TABLE t(a);
CREATE VIEW v AS SELECT a FROM t;
CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END;
-- damage
UPDATE sqlite_schema SET sql = 'CREATE VIEW v AS SELECT a FROM t' WHERE name = 'v';

-- case trigger whose table is gone
CREATE TABLE t(a);
CREATE TABLE u(a);
CREATE TRIGGER tr AFTER INSERT ON u BEGIN SELECT 1; END;
-- damage
DELETE FROM sqlite_schema WHERE name = 'u';
