-- Contents for the file format tests: every serial type, rows that spill to long overflow
-- chains, indexes whose keys spill too, non-ASCII text, and deletes that leave a freelist.
-- The test prepends PRAGMA page_size / auto_vacuum (and reserved bytes) before running this.
PRAGMA user_version = 42;
PRAGMA application_id = 1414681428;
CREATE TABLE t(a, b, c, d);
CREATE INDEX t_b ON t(b);
CREATE INDEX t_c ON t(c);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400)
INSERT INTO t SELECT
  CASE i % 8 WHEN 0 THEN NULL WHEN 1 THEN i WHEN 2 THEN i * 1000003 WHEN 3 THEN -i * 4294967311
             WHEN 4 THEN i * 0.5 WHEN 5 THEN 1 WHEN 6 THEN 0 ELSE i * 70368744177 END,
  CASE i % 3 WHEN 0 THEN 'k' || (i % 50) WHEN 1 THEN i % 13 ELSE randomblob(i % 20) END,
  CASE WHEN i % 5 = 0 THEN randomblob(i * 37 % 5000 + 100) ELSE printf('%.*c', i * 13 % 3000, 'x') END,
  CASE i % 4 WHEN 0 THEN 9223372036854775807 WHEN 1 THEN -9223372036854775808 WHEN 2 THEN 1.0e300
             ELSE -0.000123 END
FROM n;
CREATE TABLE big(x, y);
INSERT INTO big VALUES (randomblob(200000), 'first'), (zeroblob(70000), 'second'),
                       (printf('%.*c', 150000, 'z'), 'third');
CREATE TABLE u(s TEXT, n NUMERIC);
INSERT INTO u VALUES ('héllo wörld ☃', '3.0'), ('日本語のテキスト', '12e2'), ('', 'not a number'),
                     ('emoji 😀', 2.5);
CREATE VIEW v AS SELECT a FROM t;
CREATE TABLE gone(x);
INSERT INTO gone SELECT randomblob(3000) FROM t LIMIT 50;
DROP TABLE gone;
DELETE FROM t WHERE rowid % 3 = 0;
