-- Pragmas whose answers do not depend on the file's layout.
CREATE TABLE p(a INTEGER PRIMARY KEY, b TEXT NOT NULL DEFAULT 'x', c REAL);
CREATE INDEX p_b ON p(b);
PRAGMA table_info(p);
PRAGMA table_info('p');
PRAGMA index_list(p);
PRAGMA index_info(p_b);
PRAGMA user_version;
PRAGMA user_version = 7;
PRAGMA user_version;
PRAGMA foreign_keys;
PRAGMA foreign_keys = 1;
PRAGMA foreign_keys;
PRAGMA page_size;
PRAGMA encoding;
PRAGMA integrity_check;
PRAGMA quick_check;
PRAGMA no_such_pragma;
PRAGMA table_info(no_such_table);
.headers on
PRAGMA table_info(p);
