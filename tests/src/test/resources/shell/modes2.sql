-- The other output modes: box, table, markdown, json, quote, insert, html, ascii; .width and --wrap.
CREATE TABLE t(a INTEGER, b TEXT, c REAL, d BLOB);
INSERT INTO t VALUES (1, 'one', 1.5, x'00ff'), (NULL, 'multi
line', -2.0, NULL), (123456, 'é中文', 0.1, x'41'), (-5, 'tab	x', 1e15, ''), (7, 'quote''s "dq" \ <&>', 2.25, x'0a0d');
.mode box
SELECT * FROM t;
SELECT * FROM t WHERE 0;
SELECT a AS "a long column name", b FROM t WHERE a > 1;
.mode
.mode table
SELECT * FROM t;
SELECT a, c FROM t;
.mode markdown
SELECT * FROM t;
.headers off
.mode table
SELECT a, c FROM t;
.mode json
SELECT * FROM t;
SELECT 'a"b\c' AS "k""ey", char(1), char(127), 1e308*10, -1e308*10, 1 FROM t WHERE 0;
SELECT 'a"b\c' AS "k""ey", char(1), char(9), 1e308*10, -1e308*10; SELECT 2 AS two;
.mode quote
SELECT * FROM t;
.headers on
SELECT * FROM t;
SELECT 'it''s', 'a
b', NULL;
.mode insert
SELECT * FROM t;
SELECT 'a\n
b' AS "weird name", 'x
\n\012
y', 'cr
' || char(13) || 'lf';
.headers off
.mode insert "my t"
SELECT * FROM t;
.mode insert select
SELECT 1, 'x';
.mode
.mode html
SELECT * FROM t, (SELECT '<&>"''' AS e);
.headers on
SELECT a, b FROM t;
.mode ascii
SELECT a, b FROM t;
.mode column
.width 5 -6
SELECT b, a FROM t;
.width 3
SELECT b, a, b FROM t;
.width
SELECT b, a FROM t;
.mode column --wrap 4
SELECT b, a FROM t;
.mode
.mode box --wrap 3
SELECT b, a FROM t;
.nullvalue NUL
.mode box
SELECT NULL AS n, 1;
.mode quote
SELECT NULL, 1, 'NUL';
.mode tabs
.mode
.mode l
.mode
.mode c
.mode
.mode q
.mode
.mode h
.mode
.mode m
.mode
.mode b
.mode
.mode a
.mode
.mode i
.mode
.mode j
.mode
.mode nosuchmode
.mode insert t1 extra
.mode list
SELECT 'done';
CREATE TABLE r(x REAL);
INSERT INTO r VALUES(50.75),(-83.0),(0.0),(-0.0),(1e100),(-1e-300),(9.2233720368547758e18),(-9.2233720368547758e18),(123456789.123),(1.0/3),(2.5e-5),(4.9e-324),(1.7976931348623157e308),(0.30000000000000004);
.mode json
SELECT x FROM r;
.mode quote
SELECT x FROM r;
.mode insert
SELECT x FROM r;
-- tcl mode
CREATE TABLE tc(a, b);
INSERT INTO tc VALUES(1, 'x"y\z'), (NULL, 'tab	nl
cr' || char(13) || 'é' || char(127) || char(1));
.mode tcl
SELECT * FROM tc;
.headers on
SELECT * FROM tc AS "n m";
.nullvalue é
SELECT a AS "é", b FROM tc;
.mode
.mode t
.mode
