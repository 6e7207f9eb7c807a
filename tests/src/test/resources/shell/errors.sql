-- Errors: wording, the line they are reported at, and that the script goes on after them.
SELECT 1;
SELECT x FROM;
SELECT 2;
SELECT * FROM no_such_table;
SELECT no_such_column FROM sqlite_schema;

  SELECT
    3,
  4 FROM;
SELECT 5; SELECT bad syntax here; SELECT 6;
SELECT 7;
CREATE TABLE e(a UNIQUE);
INSERT INTO e VALUES (1);
INSERT INTO e VALUES (1);
SELECT 'between', count(*) FROM e;
SELECT abs(1, 2);
SELECT no_such_function(1);
-- Errors sqlite3 points into the statement at (sqlite3_error_offset).
CREATE TABLE o(a, b);
SELECT count(*) FROM sqlite_schema WHERE zz = 1;
SELECT 1 FROM o ORDER BY no_such_column_at_the_far_right_of_the_line;
SELECT a FROM o, o AS o2;
SELECT a FROM o WHERE sum(a) > 1;
SELECT row_number() FROM o;
SELECT max();
  SELECT
  x.y FROM o;
SELECT 'after the pointed errors';
SELECT 'a string over;
two lines';
SELECT 8;
.no_such_command
.mode no_such_mode
.headers
SELECT 9;
SELECT (1
