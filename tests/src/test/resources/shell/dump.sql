-- .dump: whole database, patterns, --data-only, --nosys, sqlite_sequence, indexes/triggers/views after tables.
CREATE TABLE t1(a INTEGER PRIMARY KEY, b TEXT, c REAL, d BLOB);
INSERT INTO t1 VALUES(1,'x''y',1.5,x'0102'),(2,'multi
line',NULL,NULL),(3,'é',0.1,'');
CREATE TABLE "my table"(x, "y z" DEFAULT 3);
INSERT INTO "my table" VALUES(1,2),('a',NULL);
CREATE TABLE seq(id INTEGER PRIMARY KEY AUTOINCREMENT, v);
INSERT INTO seq(v) VALUES('a'),('b');
CREATE INDEX i1 ON t1(b);
CREATE UNIQUE INDEX "t1 c" ON t1(c);
CREATE VIEW v1 AS SELECT a, b FROM t1 -- trailing comment
;
CREATE TRIGGER tr1 AFTER INSERT ON t1 BEGIN INSERT INTO seq(v) VALUES(new.b); END;
CREATE TABLE empty(q);
CREATE TABLE "select"(k TEXT PRIMARY KEY, v);
INSERT INTO "select" VALUES('z',1),('a',2);
.dump
.dump t%
.dump seq
.dump --data-only t1
.dump --nosys seq
.dump --foo
.dump nomatch
.mode list
.headers on
SELECT 1;
CREATE TABLE r(x REAL);
INSERT INTO r VALUES(50.75),(-83.0),(0.0),(1e100),(-1e-300),(-9.2233720368547758e18),(123456789.123),(1.0/3),(2.5e-5);
.dump r

-- generated columns and --newlines
CREATE TABLE g(a INTEGER, b AS (a * 2), c TEXT GENERATED ALWAYS AS (a || 'x') STORED, d);
INSERT INTO g(a, d) VALUES(1, 'p'), (2, 'q');
CREATE TABLE ipk(id INTEGER PRIMARY KEY, v);
INSERT INTO ipk VALUES(5, 'a'), (9, 'b');
CREATE TABLE norowidpk(k TEXT PRIMARY KEY, v);
INSERT INTO norowidpk VALUES('z', 1);
.dump g ipk norowidpk
.dump --newlines
INSERT INTO ipk VALUES(10, 'multi
line'||char(13));
.dump --newlines ipk
