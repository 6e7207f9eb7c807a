-- How values print: integers, reals in 3.40's rendering, text, blobs, NULL.
SELECT 1, -1, 0, 9223372036854775807, -9223372036854775808;
SELECT 1.0, -1.5, 0.1, 0.1 + 0.2, 1.0 / 3, 2.0 / 3, 100.0, 1e15, 1e16, 123456789012345.0, 1234567890123456.0;
SELECT 1e-5, 1e-4, 0.001, 3.14159265358979, 2.5e-300, 1e100, -0.0, 9.99999999999999e22, 1.7976931348623157e308;
SELECT 1e308 * 10, -1e308 * 10, 5e-324;
SELECT 'text', '', 'with|pipe', 'with
newline', 'ünïcödé', 'quote''s';
SELECT x'', x'414243', x'41004243', NULL;
SELECT CAST(1.5 AS TEXT), CAST('12abc' AS INTEGER), CAST(3 AS REAL), 10 / 4.0, 1 / 0, 1.0 / 0;
SELECT 2 * 3.5, 1e3, 1.5e3, 12345678901234567890, 0x10, 0xffffffffffffffff;
.nullvalue NULL
SELECT NULL, 1, NULL;
.nullvalue
SELECT NULL;
.nullvalue ''
SELECT NULL;
CREATE TABLE v(x);
INSERT INTO v VALUES (1), (1.0), ('1'), (x'31'), (NULL), (-0.5), (1e20);
SELECT x, typeof(x) FROM v;
SELECT round(x, 1), x * 2, -x FROM v WHERE typeof(x) IN ('integer', 'real');
