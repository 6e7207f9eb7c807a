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
SELECT 'a string over;
two lines';
SELECT 8;
.no_such_command
.mode no_such_mode
.headers
SELECT 9;
SELECT (1
