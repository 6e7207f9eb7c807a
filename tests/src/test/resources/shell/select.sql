-- SELECT: joins, subqueries, compound queries, grouping, ordering, limits.
CREATE TABLE dept(id INTEGER PRIMARY KEY, name TEXT);
CREATE TABLE emp(id INTEGER PRIMARY KEY, name TEXT, dept_id INT, salary INT, boss INT);
INSERT INTO dept VALUES (1, 'eng'), (2, 'ops'), (3, 'empty');
INSERT INTO emp VALUES (1, 'ada', 1, 300, NULL), (2, 'bea', 1, 200, 1), (3, 'cal', 2, 150, 1),
  (4, 'dan', 2, 150, 3), (5, 'eli', NULL, 100, 3);
SELECT * FROM emp;
SELECT name, salary FROM emp ORDER BY salary DESC, name;
SELECT e.name, d.name FROM emp e JOIN dept d ON d.id = e.dept_id ORDER BY e.id;
SELECT e.name, d.name FROM emp e LEFT JOIN dept d ON d.id = e.dept_id ORDER BY e.id;
SELECT d.name, count(e.id) FROM dept d LEFT JOIN emp e ON e.dept_id = d.id GROUP BY d.id ORDER BY d.id;
SELECT e.name, b.name AS boss FROM emp e, emp b WHERE e.boss = b.id ORDER BY e.id;
SELECT dept_id, sum(salary), avg(salary), min(name), max(name) FROM emp GROUP BY dept_id ORDER BY dept_id;
SELECT dept_id, count(*) AS n FROM emp GROUP BY dept_id HAVING n > 1 ORDER BY n DESC, dept_id;
SELECT name FROM emp WHERE salary > (SELECT avg(salary) FROM emp) ORDER BY name;
SELECT name FROM emp WHERE dept_id IN (SELECT id FROM dept WHERE name LIKE 'e%') ORDER BY name;
SELECT name, (SELECT name FROM dept WHERE id = emp.dept_id) FROM emp ORDER BY id;
SELECT name FROM dept d WHERE NOT EXISTS (SELECT 1 FROM emp WHERE dept_id = d.id);
SELECT * FROM (SELECT name, salary * 2 AS double FROM emp) WHERE double >= 300 ORDER BY name;
SELECT name FROM emp UNION SELECT name FROM dept ORDER BY 1;
SELECT dept_id FROM emp UNION ALL SELECT id FROM dept ORDER BY 1;
SELECT id FROM dept INTERSECT SELECT dept_id FROM emp;
SELECT id FROM dept EXCEPT SELECT dept_id FROM emp;
SELECT name FROM emp ORDER BY id LIMIT 2;
SELECT name FROM emp ORDER BY id LIMIT 2 OFFSET 3;
SELECT name FROM emp ORDER BY id LIMIT -1 OFFSET 4;
SELECT DISTINCT salary FROM emp ORDER BY salary;
SELECT count(DISTINCT salary), total(salary), group_concat(name, '+') FROM emp;
SELECT CASE WHEN salary >= 200 THEN 'high' WHEN salary >= 150 THEN 'mid' ELSE 'low' END AS band, count(*)
  FROM emp GROUP BY band ORDER BY band;
SELECT name FROM emp WHERE boss IS NULL OR dept_id IS NULL ORDER BY name;
SELECT name FROM emp WHERE salary BETWEEN 150 AND 200 ORDER BY name COLLATE NOCASE DESC;
SELECT upper(name), length(name), substr(name, 2), name || '!' FROM emp WHERE id = 1;
SELECT 1 WHERE 0;
SELECT * FROM emp WHERE id = 99;
SELECT abs(-5), round(2.5), round(3.14159, 2), 7 / 2, 7 % 3, 7.0 / 2, -7 / 2;
SELECT coalesce(NULL, NULL, 'x'), ifnull(NULL, 1), nullif(1, 1), typeof(1), typeof(1.0), typeof('a'), typeof(x'00'), typeof(NULL);
SELECT max(1, 2, 3), min('b', 'a'), instr('hello', 'l'), replace('aaa', 'a', 'bb'), trim('  x  '), hex('AB');
