SELECT 'from part.sql';
SELECT broken FROM;
.print last line of part.sql
