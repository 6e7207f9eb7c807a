package io.turso4j.tests.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small synthetic .test files run through the runner on the SQLite oracle. */
class SltFileRunnerTest {

    @TempDir
    Path dir;

    private final List<QueryTiming> timings = new ArrayList<>();

    private FileResult run(String text) throws IOException {
        Path file = dir.resolve("t" + System.nanoTime() + ".test");
        Files.writeString(file, text, StandardCharsets.ISO_8859_1);
        return new SltFileRunner(new SqliteJdbcEngine(), file, "synthetic.test", timings::add).run();
    }

    private static List<FailureCategory> categories(FileResult r) {
        return r.failures().stream().map(Failure::category).toList();
    }

    private static final String SETUP = """
            statement ok
            CREATE TABLE t1(a INTEGER, b INTEGER)

            statement ok
            INSERT INTO t1 VALUES(1,2)

            """;

    @Test
    void correctExpectationsPass() throws IOException {
        FileResult r = run(SETUP + """
                query II nosort
                SELECT a, b FROM t1 ORDER BY 1
                ----
                1
                2
                """);
        assertEquals(List.of(), r.failures());
        assertEquals(3, r.passed());
        assertEquals(1, timings.size());
        assertEquals(7, timings.getFirst().line());
    }

    /**
     * With a repeat count, each query runs that many times, one timing (the fastest run's) is
     * reported, and the result is still checked.
     */
    @Test
    void aRepeatedQueryRunsThatManyTimesAndIsTimedOnce() throws IOException {
        List<String> queried = new ArrayList<>();
        SltEngine counting = new SltEngine() {
            private final SqliteJdbcEngine sqlite = new SqliteJdbcEngine();

            @Override
            public String name() {
                return "counting";
            }

            @Override
            public SltDatabase openDatabase() throws SltEngineException {
                SltDatabase db = sqlite.openDatabase();
                return new SltDatabase() {
                    @Override
                    public void execute(String sql) throws SltEngineException {
                        db.execute(sql);
                    }

                    @Override
                    public QueryOutcome query(String sql) {
                        queried.add(sql);
                        return db.query(sql);
                    }

                    @Override
                    public void close() throws SltEngineException {
                        db.close();
                    }
                };
            }
        };
        Path file = dir.resolve("repeat.test");
        Files.writeString(file, SETUP + """
                query II nosort
                SELECT a, b FROM t1 ORDER BY 1
                ----
                1
                3
                """, StandardCharsets.ISO_8859_1);
        FileResult r = new SltFileRunner(counting, file, "repeat.test", timings::add, 4).run();
        assertEquals(List.of(FailureCategory.WRONG_VALUES), categories(r));
        assertEquals(4, queried.size());
        assertEquals(1, timings.size());
    }

    @Test
    void aWrongExpectedValueIsReportedAsAFailure() throws IOException {
        FileResult r = run(SETUP + """
                query II nosort
                SELECT a, b FROM t1 ORDER BY 1
                ----
                1
                3

                query I nosort
                SELECT a FROM t1
                ----
                1
                """);
        assertEquals(3, r.passed());
        assertEquals(1, r.failed());
        Failure f = r.failures().getFirst();
        assertEquals(FailureCategory.WRONG_VALUES, f.category());
        assertEquals(7, f.line());
        assertEquals(List.of("1", "3"), f.expected());
        assertEquals(List.of("1", "2"), f.got());
        assertEquals("SELECT a, b FROM t1 ORDER BY 1", f.sql());
    }

    @Test
    void aWrongHashIsReportedAsAFailure() throws IOException {
        String nineRows = "WITH RECURSIVE c(x) AS (VALUES(1) UNION ALL SELECT x+1 FROM c WHERE x<9) SELECT x FROM c";
        String good = ResultHasher.hashLine(9, ResultHasher.md5(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9")));
        FileResult r = run("query I rowsort\n" + nineRows + "\n----\n" + good + "\n\n"
                + "query I rowsort\n" + nineRows + "\n----\n9 values hashing to 00000000000000000000000000000000\n\n"
                + "hash-threshold 0\n\nquery I rowsort\n" + nineRows + "\n----\n" + good + "\n");
        assertEquals(1, r.passed());
        assertEquals(List.of(FailureCategory.WRONG_HASH, FailureCategory.WRONG_VALUES), categories(r));
    }

    @Test
    void statementExpectationsAreChecked() throws IOException {
        FileResult r = run("""
                statement ok
                CREATE TABLE t(x)

                statement error
                CREATE TABLE t(x)

                statement error
                INSERT INTO t VALUES(1)

                statement ok
                INSERT INTO nosuch VALUES(1)

                statement maybe
                SELECT 1
                """);
        assertEquals(2, r.passed());
        assertEquals(List.of(FailureCategory.STATEMENT_ERROR_SUCCEEDED, FailureCategory.STATEMENT_OK_FAILED,
                FailureCategory.BAD_RECORD), categories(r));
    }

    @Test
    void queryProblemsHaveTheirOwnCategories() throws IOException {
        FileResult r = run(SETUP + """
                query I nosort
                SELECT nosuch FROM t1
                ----
                1

                query III nosort
                SELECT a, b FROM t1
                ----
                1
                2

                query IZ nosort
                SELECT a, b FROM t1
                ----
                1
                2

                query II sorted
                SELECT a, b FROM t1
                ----
                1
                2
                """);
        assertEquals(List.of(FailureCategory.QUERY_PREPARE_FAILED, FailureCategory.COLUMN_COUNT,
                FailureCategory.BAD_RECORD, FailureCategory.BAD_RECORD), categories(r));
    }

    @Test
    void severalStatementsInOneRecordAllRun() throws IOException {
        FileResult r = run("""
                statement ok
                CREATE TABLE t(x); CREATE TABLE log(y);
                CREATE TRIGGER r AFTER INSERT ON t BEGIN INSERT INTO log VALUES('a;b'); END;
                INSERT INTO t VALUES(1);

                query T nosort
                SELECT y FROM log
                ----
                a;b
                """);
        assertEquals(List.of(), r.failures());
        assertEquals(2, r.passed());
    }

    @Test
    void anErrorWhileSteppingEndsTheRowsAndTheyAreCompared() throws IOException {
        FileResult r = run("""
                statement ok
                CREATE TABLE t1(x INTEGER)

                statement ok
                INSERT INTO t1 VALUES(9223372036854775807), (1)

                query I nosort
                SELECT sum(x) FROM t1
                ----
                """);
        assertEquals(List.of(), r.failures());
        assertEquals(3, r.passed());
    }

    @Test
    void conditionsSkipRecordsAndOnlyApplicableHaltsStop() throws IOException {
        FileResult r = run(SETUP + """
                onlyif mysql
                query I nosort
                SELECT a DIV b FROM t1
                ----
                0

                skipif sqlite
                statement ok
                this is not sql

                onlyif mssql
                halt

                skipif sqlite
                halt

                onlyif sqlite
                query I nosort
                SELECT a FROM t1
                ----
                1

                onlyif SQLite
                halt

                statement ok
                this is not sql either, and never runs
                """);
        assertEquals(List.of(), r.failures());
        assertEquals(3, r.passed());
        assertEquals(2, r.skipped());
    }

    @Test
    void unknownRecordTypeStopsTheFileAsAFailure() throws IOException {
        FileResult r = run("frobnicate\n\nstatement ok\nnot sql\n");
        assertEquals(List.of(FailureCategory.BAD_RECORD), categories(r));
        assertEquals(0, r.passed());
    }

    @Test
    void labelledQueriesMustAgree() throws IOException {
        FileResult r = run(SETUP + """
                query I nosort label-1
                SELECT a FROM t1
                ----
                1

                query I nosort label-1
                SELECT b - 1 FROM t1
                ----
                1

                query I nosort label-1
                SELECT b FROM t1
                ----
                2
                """);
        assertEquals(4, r.passed());
        assertEquals(List.of(FailureCategory.LABEL_MISMATCH), categories(r));
        assertEquals(17, r.failures().getFirst().line());
    }

    @Test
    void skippedLabelledQueriesContributeTheirExpectedResult() throws IOException {
        String md5OfOne = ResultHasher.md5(List.of("1"));
        FileResult agreeing = run(SETUP + """
                onlyif mysql
                query I nosort label-0
                SELECT a DIV b FROM t1
                ----
                1

                query I nosort label-0
                SELECT a FROM t1
                ----
                1

                onlyif mysql
                query I nosort label-0
                SELECT 'hashed form'
                ----
                1 values hashing to %s
                """.formatted(md5OfOne));
        assertEquals(List.of(), agreeing.failures());
        assertEquals(3, agreeing.passed());
        assertEquals(2, agreeing.skipped());

        // The MySQL variant recorded 0 first; the sqlite variant's correct 1 then disagrees with it.
        FileResult disagreeing = run(SETUP + """
                onlyif mysql
                query I nosort label-0
                SELECT a DIV b FROM t1
                ----
                0

                query I nosort label-0
                SELECT a FROM t1
                ----
                1

                onlyif mysql
                query I nosort label-5
                SELECT nothing expected
                ----
                """);
        assertEquals(List.of(FailureCategory.LABEL_MISMATCH), categories(disagreeing));
        assertEquals(2, disagreeing.skipped());
    }

    @Test
    void eachFileStartsWithThresholdEightAndAnEmptyDatabase() throws IOException {
        run("hash-threshold 0\n\nstatement ok\nCREATE TABLE t(x)\n");
        String nineValues = "SELECT 1,2,3,4,5,6,7,8,9";
        FileResult r = run("statement ok\nCREATE TABLE t(x)\n\nquery IIIIIIIII nosort\n" + nineValues + "\n----\n"
                + ResultHasher.hashLine(9, ResultHasher.md5(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9")))
                + "\n");
        assertEquals(List.of(), r.failures());
        assertEquals(2, r.passed());
    }
}
