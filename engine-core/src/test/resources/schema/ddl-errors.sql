-- Bad DDL, compared with SQLite's message: each case runs its setup in SQLite, then the
-- statement after "-- bad" in both SQLite and our SchemaBuilder (EXECUTE mode, over the schema
-- loaded from SQLite's sqlite_schema). Both must fail with the same message, or both succeed.

-- case duplicate column
-- bad
CREATE TABLE t(a, b, a);

-- case duplicate column differing in case
-- bad
CREATE TABLE t(a, A);

-- case table exists
CREATE TABLE q(a);
-- bad
CREATE TABLE q(b);

-- case table exists, quoted name
CREATE TABLE q(a);
-- bad
CREATE TABLE "q"(b);

-- case table exists, bracketed qualified name
CREATE TABLE q(a);
-- bad
CREATE TABLE main.[Q](b);

-- case table exists with if not exists
CREATE TABLE q(a);
-- bad
CREATE TABLE IF NOT EXISTS q(b);

-- case view over a table name
CREATE TABLE q(a);
-- bad
CREATE VIEW "q" AS SELECT 1;

-- case table over a view name
CREATE VIEW v AS SELECT 1;
-- bad
CREATE TABLE v(a);

-- case table over an index name
CREATE TABLE q(a);
CREATE INDEX i1 ON q(a);
-- bad
CREATE TABLE i1(a);

-- case reserved table name
-- bad
CREATE TABLE sqlite_x(a);

-- case reserved table name in other case
-- bad
CREATE TABLE "SQLITE_"(a);

-- case reserved index name
CREATE TABLE q(a);
-- bad
CREATE INDEX sqlite_i ON q(a);

-- case two primary keys
-- bad
CREATE TABLE t(a PRIMARY KEY, b PRIMARY KEY);

-- case two primary keys, table and column
-- bad
CREATE TABLE t(a PRIMARY KEY, b, PRIMARY KEY(b));

-- case autoincrement on int
-- bad
CREATE TABLE t(a INT PRIMARY KEY AUTOINCREMENT);

-- case autoincrement on integer desc
-- bad
CREATE TABLE t(a INTEGER PRIMARY KEY DESC AUTOINCREMENT);

-- case autoincrement on composite key
-- bad
CREATE TABLE t(a INTEGER, b, PRIMARY KEY(a, b AUTOINCREMENT));

-- case autoincrement table-level desc is fine
-- bad
CREATE TABLE t(a INTEGER, PRIMARY KEY(a DESC AUTOINCREMENT));

-- case autoincrement without rowid
-- bad
CREATE TABLE t(a INTEGER, PRIMARY KEY(a AUTOINCREMENT)) WITHOUT ROWID;

-- case without rowid without primary key
-- bad
CREATE TABLE t(a, b UNIQUE) WITHOUT ROWID;

-- case strict unknown type
-- bad
CREATE TABLE s(a xyz) STRICT;

-- case strict missing type
-- bad
CREATE TABLE s(a INT, b) STRICT;

-- case strict varchar
-- bad
CREATE TABLE s(a VARCHAR(10)) STRICT;

-- case check names unknown column
-- bad
CREATE TABLE t(a, CHECK (b > 0));

-- case column check names unknown column
-- bad
CREATE TABLE t(a CHECK (t.zz > 0));

-- case generated names unknown column
-- bad
CREATE TABLE t(a, b AS (c));

-- case only generated columns
-- bad
CREATE TABLE t(a AS (1), b AS (2) STORED);

-- case expression in unique
-- bad
CREATE TABLE t(a, UNIQUE(a + 1));

-- case unknown column in unique
-- bad
CREATE TABLE t(a, UNIQUE(b));

-- case unknown column in primary key
-- bad
CREATE TABLE t(a, PRIMARY KEY(a, b));

-- case unknown string column in primary key
-- bad
CREATE TABLE t(a, PRIMARY KEY('zz'));

-- case generated column in primary key
-- bad
CREATE TABLE t(a PRIMARY KEY AS (1), b);

-- case primary key after generated
-- bad
CREATE TABLE t(a AS (1) PRIMARY KEY, b);

-- case generated in table primary key
-- bad
CREATE TABLE t(a AS (1), b, PRIMARY KEY(b, a));

-- case default then generated
-- bad
CREATE TABLE t(a DEFAULT 1 AS (1), b);

-- case generated then default
-- bad
CREATE TABLE t(a AS (1) DEFAULT 1, b);

-- case unknown collation
-- bad
CREATE TABLE t(a COLLATE foo);

-- case unknown collation in unique
-- bad
CREATE TABLE t(a, UNIQUE(a COLLATE bar));

-- case conflicting on conflict
-- bad
CREATE TABLE t(a, UNIQUE(a) ON CONFLICT REPLACE, UNIQUE(a) ON CONFLICT IGNORE);

-- case compatible on conflict
-- bad
CREATE TABLE t(a, UNIQUE(a) ON CONFLICT REPLACE, UNIQUE(a));

-- case fk column count
-- bad
CREATE TABLE t(a, b, FOREIGN KEY(a, b) REFERENCES p(x));

-- case fk unknown column
-- bad
CREATE TABLE t(a, FOREIGN KEY(c) REFERENCES p(x));

-- case column fk with two parent columns
-- bad
CREATE TABLE t(a REFERENCES p(x, y));

-- case default with column
-- bad
CREATE TABLE t(a DEFAULT (b), b);

-- case default with parameter
-- bad
CREATE TABLE t(a DEFAULT (?));

-- case default with subquery
-- bad
CREATE TABLE t(a DEFAULT ((SELECT 1)));

-- case default with function is fine
-- bad
CREATE TABLE t(a DEFAULT (random()), b DEFAULT (abs(-1)), c DEFAULT (true));

-- case index on missing table
-- bad
CREATE INDEX i ON nope(a);

-- case index on missing column
CREATE TABLE q(a);
-- bad
CREATE INDEX i ON q(nope);

-- case index on rowid
CREATE TABLE q(a);
-- bad
CREATE INDEX i ON q(rowid);

-- case index named like a table
CREATE TABLE q(a);
-- bad
CREATE INDEX q ON q(a);

-- case index exists
CREATE TABLE q(a);
CREATE INDEX i ON q(a);
-- bad
CREATE INDEX i ON q(a);

-- case index exists, if not exists
CREATE TABLE q(a);
CREATE INDEX i ON q(a);
-- bad
CREATE INDEX IF NOT EXISTS i ON q(a);

-- case index on a view
CREATE VIEW v AS SELECT 1 AS a;
-- bad
CREATE INDEX i ON v(a);

-- case index on sqlite_master
-- bad
CREATE INDEX i ON sqlite_master(name);

-- case index with unknown collation
CREATE TABLE q(a);
-- bad
CREATE INDEX i ON q(a COLLATE nope);

-- case partial index with unknown column
CREATE TABLE q(a);
-- bad
CREATE INDEX i ON q(a) WHERE b > 0;

-- case view exists
CREATE VIEW v AS SELECT 1;
-- bad
CREATE VIEW v AS SELECT 2;

-- case trigger exists
CREATE TABLE q(a);
CREATE TRIGGER tr AFTER INSERT ON q BEGIN SELECT 1; END;
-- bad
CREATE TRIGGER "tr" AFTER INSERT ON q BEGIN SELECT 1; END;

-- case trigger on missing table
-- bad
CREATE TRIGGER tr AFTER INSERT ON nope BEGIN SELECT 1; END;

-- case instead of trigger on table
CREATE TABLE q(a);
-- bad
CREATE TRIGGER tr INSTEAD OF INSERT ON q BEGIN SELECT 1; END;

-- case before trigger on view
CREATE VIEW v AS SELECT 1;
-- bad
CREATE TRIGGER tr BEFORE INSERT ON v BEGIN SELECT 1; END;

-- case trigger on system table
-- bad
CREATE TRIGGER tr BEFORE INSERT ON sqlite_master BEGIN SELECT 1; END;

-- case reserved trigger name
CREATE TABLE q(a);
-- bad
CREATE TRIGGER sqlite_tr AFTER INSERT ON q BEGIN SELECT 1; END;

-- case unknown database
-- bad
CREATE TABLE nope.t(a);

-- case subquery in check
-- bad
CREATE TABLE t(a CHECK (a > (SELECT 1)));

-- case parameter in table check
-- bad
CREATE TABLE t(a, CHECK (a > ?));

-- case exists in check
-- bad
CREATE TABLE t(a CHECK (EXISTS (SELECT 1)));

-- case in-select in check
-- bad
CREATE TABLE t(a CHECK (a IN (SELECT 1)));

-- case first problem in check wins
-- bad
CREATE TABLE t(a CHECK (a > ? AND (SELECT 1)));

-- case column check before table check
-- bad
CREATE TABLE t(a CHECK (x > 0), CHECK (y > 0));

-- case subquery in generated column
-- bad
CREATE TABLE t(a, b AS ((SELECT 1)));

-- case parameter in generated column
-- bad
CREATE TABLE t(a, b AS (?));

-- case subquery in index expression
CREATE TABLE q(a);
-- bad
CREATE INDEX i ON q((SELECT 1));

-- case parameter in index expression
CREATE TABLE q(a);
-- bad
CREATE INDEX i ON q(a + ?);

-- case subquery in partial index
CREATE TABLE q(a);
-- bad
CREATE INDEX i ON q(a) WHERE a > (SELECT 1);

-- case parameter in partial index
CREATE TABLE q(a);
-- bad
CREATE INDEX i ON q(a) WHERE a > ?;

-- case rowid in partial index is fine
CREATE TABLE q(a);
-- bad
CREATE INDEX i ON q(a) WHERE rowid > 0;

-- case string literal names a column in an index
CREATE TABLE q(a);
-- bad
CREATE INDEX i ON q('zz');

-- case column fk with two parent columns, quoted parent
-- bad
CREATE TABLE t(a REFERENCES "p q"(x, y));

-- case rowid in generated column
-- bad
CREATE TABLE t(a, b AS (rowid));

-- case rowid in check is fine
-- bad
CREATE TABLE t(a, CHECK (rowid > 0));

-- case generated columns naming each other is fine until used
-- bad
CREATE TABLE t(a AS (b), b AS (a), c);
