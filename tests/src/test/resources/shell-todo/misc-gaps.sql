-- Not yet supported by turso4j (issue #5 notes): VACUUM, the JSON functions.
-- Not run by default; see README (ShellDifferentialIT with -Dturso4j.shell.corpus=shell-todo).
VACUUM;
SELECT json_object('a', 1, 'b', 'two'), json_array(1, 2.5, 'x', NULL), json_extract('{"a":[1,2]}', '$.a[1]');
