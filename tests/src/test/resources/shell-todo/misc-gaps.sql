-- Not yet supported by turso4j (issue #5 notes): VACUUM.
-- Not run by default; see README (ShellDifferentialIT with -Dturso4j.shell.corpus=shell-todo).
VACUUM;
