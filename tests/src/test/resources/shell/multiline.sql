-- How lines become statements: continuation lines, comments, several statements per line, go and /.
SELECT 1,
  2,
  3;
/* a block comment
   over lines */ SELECT 'after block';
-- a line comment
SELECT 'x'; -- trailing comment
SELECT 'a;b', "c;d" FROM (SELECT 1 AS "c;d");
SELECT 4; SELECT 5;
;;
SELECT 6
;
SELECT 7
go
SELECT 8
/
CREATE TABLE tr(x);
CREATE TRIGGER tr_t AFTER INSERT ON tr BEGIN
  SELECT 1;
  SELECT 2;
END;
INSERT INTO tr VALUES (1);
SELECT count(*) FROM tr;
  .print indented, this is SQL and an error;
.print done
.read include/part.sql
SELECT 'after read';
SELECT 'no semicolon at the end'
