-- Output modes and their settings.
CREATE TABLE m(a INTEGER, b TEXT, c REAL);
INSERT INTO m VALUES (1, 'one', 1.5), (22, 'twenty two', NULL), (NULL, '', -3.25), (4, 'a,b "q"', 0.1);
SELECT * FROM m;
.headers on
SELECT * FROM m;
SELECT a AS "renamed col", b FROM m WHERE a > 1;
SELECT * FROM m WHERE 0;
.headers off
.mode csv
SELECT * FROM m;
.headers on
SELECT * FROM m;
SELECT 'sp ace', 'tab	x', 'é', 'new
line', '''';
.mode tabs
SELECT * FROM m;
.mode list
.mode line
SELECT * FROM m;
SELECT 1 AS a;
SELECT 1 AS a_very_long_column_name, 2 AS b;
.mode column
SELECT * FROM m;
SELECT 1 AS x, 'left' AS y UNION ALL SELECT 12345, 'r';
.headers off
SELECT * FROM m;
.nullvalue (null)
.mode column
SELECT * FROM m;
.mode list
SELECT * FROM m;
.separator ;
SELECT * FROM m;
.separator , \n--\n
SELECT * FROM m;
.separator "\t"
SELECT 1, 2;
.mode
.mode list
.mode
.print plain words
.print "quoted words" 'single quoted' tab\there "esc\"aped"
.print
.headers on
.mode list
SELECT 1 AS one; SELECT 2 AS two;
