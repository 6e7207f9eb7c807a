-- Differential corpus for the schema layer: each case (started by a "-- case" line) runs in a
-- fresh SQLite database; SchemaDifferentialTest then compares our schema's PRAGMA rows, rowid
-- aliases and column affinities with SQLite's for every table.

-- case plain columns and types
CREATE TABLE t(a, b INT, c INTEGER, d TEXT, e BLOB, f REAL, g NUMERIC, h ANY, i VARCHAR(10), j DOUBLE PRECISION);

-- case quirky type names
CREATE TABLE q(a "integer" PRIMARY KEY, b "varchar" (10), c "abc" def, d double   precision, e int, f [text],
  g varchar(1,  2), h integer generated always, i text generated always as (1), j 'FLOAT', k `blob`, l CHARINT,
  m BIGINT, n "", o "''", p floating point, q "x""y", r unsigned big int, s nvarchar(+5, -3));

-- case integer primary key variants
CREATE TABLE a1(id INTEGER PRIMARY KEY, v);
CREATE TABLE a2(id INTEGER PRIMARY KEY DESC, v);
CREATE TABLE a3(id INTEGER PRIMARY KEY ASC, v);
CREATE TABLE a4(id INT PRIMARY KEY, v);
CREATE TABLE a5(id integer, v, PRIMARY KEY(id DESC));
CREATE TABLE a6(id BIGINT PRIMARY KEY, v);
CREATE TABLE a7(id INTEGER, v, PRIMARY KEY(id, v));
CREATE TABLE a8(id INTEGER PRIMARY KEY AUTOINCREMENT, v);
CREATE TABLE a9(id "INTEGER" PRIMARY KEY, v);
CREATE TABLE a10(v, id integer, PRIMARY KEY(id COLLATE nocase));
CREATE TABLE a11(id INTEGER PRIMARY KEY ON CONFLICT REPLACE, v UNIQUE);
CREATE TABLE a12(id integer primary key not null, v);
CREATE TABLE a13(v, id INTEGER, PRIMARY KEY('id'));

-- case defaults
CREATE TABLE d(a DEFAULT 1, b DEFAULT ( 1 +  2 ) , c default -  5, d default "xy", e default 'it''s',
  f default +7, g default x'0A', h default current_time, i DEFAULT NULL, j DEFAULT 1.5e3, k DEFAULT abc,
  l DEFAULT (upper('x')), m DEFAULT TRUE, n DEFAULT (false), o DEFAULT -0x10, p DEFAULT current_timestamp,
  r DEFAULT ((1)+(2)), s DEFAULT(
  'multi'
  ));

-- case constraints and collations
CREATE TABLE c(a TEXT COLLATE nocase PRIMARY KEY, b UNIQUE COLLATE rtrim, c NOT NULL ON CONFLICT IGNORE,
  d CHECK (d > 0) CONSTRAINT dd CHECK(d < 100), e REFERENCES p(x) ON DELETE CASCADE, f NULL,
  g CONSTRAINT named UNIQUE ON CONFLICT REPLACE, UNIQUE (c, d DESC), UNIQUE(c COLLATE binary, d),
  CHECK (a <> b), CONSTRAINT tc CHECK (c IS NOT NULL));

-- case autoindex merging and ordering
CREATE TABLE m(a, b, c, UNIQUE(a), UNIQUE(a), UNIQUE(b, c), UNIQUE(b, c DESC), PRIMARY KEY(a),
  UNIQUE(c) ON CONFLICT REPLACE, UNIQUE(b) ON CONFLICT IGNORE, UNIQUE(a, b) ON CONFLICT REPLACE);
CREATE TABLE m2(a PRIMARY KEY COLLATE nocase, b UNIQUE COLLATE nocase, c, UNIQUE(a COLLATE nocase));
CREATE TABLE m3(a UNIQUE ON CONFLICT REPLACE, b UNIQUE, c UNIQUE ON CONFLICT REPLACE, d UNIQUE);

-- case composite primary keys
CREATE TABLE k(a, b, c, PRIMARY KEY(b, a));
CREATE TABLE k2(a, b, c, PRIMARY KEY(c DESC, a COLLATE nocase) ON CONFLICT ROLLBACK);
CREATE TABLE k3(a, b, PRIMARY KEY(a, b, a));

-- case without rowid
CREATE TABLE u(x int, y, z, primary key(y, x desc) on conflict replace, unique(z)) without rowid;
CREATE INDEX ui ON u(z collate rtrim desc, x+1, y) WHERE z > 0;
CREATE TABLE w1(id INTEGER PRIMARY KEY, v, w UNIQUE) WITHOUT ROWID;
CREATE TABLE w2(a, b, c, d, PRIMARY KEY(c, a), UNIQUE(a), UNIQUE(b, c), UNIQUE(c, a, b)) WITHOUT ROWID;
CREATE TABLE w3(a TEXT COLLATE nocase, b, PRIMARY KEY(a, b, a COLLATE binary)) WITHOUT ROWID;
CREATE TABLE w4(a, b AS (a+1), c AS (a*2) STORED, d, PRIMARY KEY(d)) WITHOUT ROWID;
CREATE INDEX w2i ON w2(d, c);
CREATE INDEX w2j ON w2(d DESC, a COLLATE nocase);
CREATE TABLE w5(a integer, b, primary key(a desc)) without rowid;

-- case strict tables
CREATE TABLE s1(a INTEGER PRIMARY KEY, b INT NOT NULL, c TEXT, d REAL, e BLOB, f ANY) STRICT;
CREATE TABLE s2(a TEXT PRIMARY KEY, b ANY, c INT, UNIQUE(b)) STRICT, WITHOUT ROWID;
CREATE TABLE s3(a INT, b TEXT, PRIMARY KEY(a, b)) STRICT;

-- case generated columns
CREATE TABLE g(a INTEGER PRIMARY KEY, b, c AS (a + b), d TEXT GENERATED ALWAYS AS (b || 'x') STORED,
  e INT AS (a) VIRTUAL, f DEFAULT 3);
CREATE INDEX gi ON g(c, d);

-- case foreign keys
CREATE TABLE p(x PRIMARY KEY, y, z, UNIQUE(y, z));
CREATE TABLE f(a REFERENCES p, b REFERENCES p(x) ON UPDATE SET NULL ON DELETE SET DEFAULT,
  c, d, e, FOREIGN KEY (c, d) REFERENCES p(y, z) ON DELETE RESTRICT ON UPDATE CASCADE MATCH full,
  FOREIGN KEY(e) REFERENCES "p" DEFERRABLE INITIALLY DEFERRED, FOREIGN KEY (a, b) REFERENCES p,
  FOREIGN KEY(d) REFERENCES p(x) ON DELETE NO ACTION ON DELETE CASCADE);

-- case quoted identifiers
CREATE TABLE "Weird Table"("col one" INTEGER PRIMARY KEY, [col two] TEXT, `col three`, "x""y" UNIQUE,
  'single' DEFAULT 'q');
CREATE INDEX "idx ""1""" ON "Weird Table"("col two" DESC, [x"y]);
CREATE UNIQUE INDEX [idx2] ON [Weird Table]('single');

-- case indexes of every shape
CREATE TABLE i(a INTEGER PRIMARY KEY, b TEXT COLLATE nocase, c, d);
CREATE INDEX i1 ON i(b);
CREATE INDEX i2 ON i(b COLLATE binary, c DESC);
CREATE UNIQUE INDEX i3 ON i(c, d) WHERE d IS NOT NULL;
CREATE INDEX i4 ON i(lower(b), c + d, a);
CREATE INDEX i5 ON i(a);
CREATE INDEX i6 ON i(a, 'b' COLLATE rtrim) WHERE rowid > 0;
CREATE INDEX IF NOT EXISTS i7 ON i(d COLLATE RTRIM ASC, b);
CREATE INDEX i8 ON i(c, c);

-- case views and triggers alongside tables
CREATE TABLE v0(a, b);
CREATE VIEW v1 AS SELECT a, b FROM v0;
CREATE VIEW v2(x, y) AS SELECT a, b FROM v0;
CREATE TRIGGER tr1 AFTER INSERT ON v0 BEGIN UPDATE v0 SET b = 1; END;
CREATE TRIGGER tr2 INSTEAD OF DELETE ON v1 BEGIN DELETE FROM v0; END;
CREATE INDEX v0i ON v0(b);

-- case sqlite_sequence and sqlite_stat1
CREATE TABLE seq(id INTEGER PRIMARY KEY AUTOINCREMENT, v);
CREATE TABLE st(a, b);
CREATE INDEX sti ON st(a, b);
INSERT INTO st VALUES (1, 2), (1, 3), (2, 4);
ANALYZE;

-- case temp-free schema qualifiers and IF NOT EXISTS
CREATE TABLE main.qual(a, b);
CREATE TABLE IF NOT EXISTS qual(z);
CREATE INDEX main.quali ON qual(b);
CREATE UNIQUE INDEX IF NOT EXISTS quali ON qual(a);

-- case constraint keywords as names
CREATE TABLE kw(key, replace, "primary", abort DEFAULT 1, action UNIQUE, "check" CHECK ("check" > 0),
  PRIMARY KEY (key, replace));

-- case tables changed by ALTER TABLE
CREATE TABLE al(a INTEGER PRIMARY KEY, b TEXT);
ALTER TABLE al ADD COLUMN c INT DEFAULT 5 COLLATE nocase;
ALTER TABLE al ADD d REFERENCES p(x);
ALTER TABLE al RENAME COLUMN b TO "b two";
CREATE INDEX ali ON al("b two", c);
ALTER TABLE al RENAME TO "al 2";
CREATE TABLE dr(a, b, c UNIQUE);
ALTER TABLE dr DROP COLUMN b;

-- case odd spacing and comments in stored text
CREATE TABLE  sp  (  a   INTEGER  PRIMARY   KEY  ,  -- comment
  b  /* c */ TEXT  DEFAULT  (  'x'  )  ,
  c  DEFAULT  -1  )  ;
CREATE  UNIQUE  INDEX  spi  ON  sp  (  b  DESC  )  WHERE  c  >  0  ;
