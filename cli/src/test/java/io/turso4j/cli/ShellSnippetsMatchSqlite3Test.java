package io.turso4j.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Small cases against the sqlite3 command, each aimed at one behaviour: command-line SQL and its
 * exit codes, -bail, options, .exit, and — where the error is a syntax error whose place the
 * engine's parser knows — stderr in full, context lines included.
 */
class ShellSnippetsMatchSqlite3Test {
    @TempDir
    Path temp;

    /** stdin, arguments after the database file, and whether stderr must match in full. */
    record Case(String name, String stdin, List<String> args, boolean fullStderr) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("syntax error context, short", "select 1;\nselect x from;\nselect 2;\n", List.of(), true),
                new Case("syntax error context, multi-line statement", "select 1;\n\n  select\n  x\n from;\n", List.of(), true),
                new Case("syntax error context, error far right",
                        "select 1 from sqlite_schema where name = 1 and type = 2 and tbl_name = 3 and rootpage = 4 and sql =;\n",
                        List.of(), true),
                new Case("syntax error context, several statements on a line",
                        "select 1; select x from; select 2;\nselect 3;\n", List.of(), true),
                new Case("syntax error context, non-ASCII text before the error",
                        "select 'ééééééééééééééééééééééééééééééééééééééééééééé', 'ü' from;\n", List.of(), true),
                new Case("incomplete input at the end", "select 1;\nselect (1\n", List.of(), true),
                new Case("SQL argument", "select 'stdin is ignored';\n", List.of("select 1; select 2"), true),
                new Case("SQL argument with a syntax error", "", List.of("select 1; select x from; select 2"), true),
                new Case("SQL argument, incomplete", "", List.of("select 1, 2 from"), true),
                new Case("SQL argument with a constraint error exits with its code", "",
                        List.of("create table t(a unique); insert into t values(1),(1)"), true),
                new Case("several arguments, dot commands among them", "",
                        List.of("create table t(a)", ".headers on", "insert into t values (1)", "select a from t", ".print x y"),
                        true),
                new Case("arguments stop at the first error", "", List.of("select 1", "select x from", "select 2"), true),
                new Case("argument .quit", "", List.of("select 1", ".quit", "select 2"), true),
                new Case("-bail stops a script at its first error", "select 1;\nselect x from;\nselect 2;\n",
                        List.of("-bail"), true),
                new Case(".bail on", ".bail on\nselect 1;\nselect x from;\nselect 2;\n", List.of(), true),
                new Case(".exit with a code", "select 1;\n.exit 3\nselect 2;\n", List.of(), true),
                new Case(".exit without a code", "select x from;\n.exit\nselect 2;\n", List.of(), true),
                new Case(".quit after an error exits 1", "select x from;\n.quit\n", List.of(), true),
                new Case("unknown dot command", ".nosuch\nselect 1;\n", List.of(), true),
                new Case(".read of a missing file", ".read /nonexistent/x.sql\nselect 1;\n", List.of(), true),
                new Case("usage errors", ".headers\n.nullvalue\n.separator\n.read\nselect 1;\n", List.of(), true),
                new Case("boolean words", ".headers yes\nselect 1 as a;\n.headers 0\nselect 2 as b;\n.headers 0x1\nselect 3 as c;\n"
                        + ".headers maybe\nselect 4 as d;\n", List.of(), true),
                new Case("options set the output", "select 1 as a, null as b, 'x y' as c;\n",
                        List.of("-csv", "-header", "-nullvalue", "N"), true),
                new Case("-separator and -newline", "select 1, 2;\nselect 3, 4;\n",
                        List.of("-separator", ":", "-newline", "\\r\\n"), true),
                new Case("-cmd runs first, and -column does not turn headers on", "select 1 as a, 2 as b;\n",
                        List.of("-cmd", ".print from cmd", "-cmd", "select 'cmd sql'", "-column"), true),
                new Case("-cmd errors do not stop the input without -bail", "select 1;\n",
                        List.of("-cmd", "select x from"), true),
                new Case("-column and -line", "select 1 as a, 'b' as bb;\n", List.of("-line"), true),
                new Case("blobs print raw up to a NUL", "select x'41420043', x'ff41', x'00', 'a' || char(0) || 'b';\n",
                        List.of(), true),
                new Case("blobs in csv and column mode", ".mode csv\nselect x'4142', x'ff41';\n.mode column\nselect x'4142', x'c3a9';\n",
                        List.of(), true),
                new Case("column mode widths, tabs and NULLs",
                        ".mode column\nselect 'a\tb' as t, null as n, 'ééé' as e union all select 'x', 1, 'y';\n"
                        + ".nullvalue NULLVALUE\nselect null as z;\n", List.of(), true),
                new Case("column mode splits values at control characters",
                        ".mode column\nselect 'a'||char(13,10)||'b' as c1, 'a'||char(10,10)||'b' as c2, 'a'||char(1,2)||'b' as c3,"
                        + " 'x'||char(10) as c4, null as c5, 'é'||char(10)||'ü' as c6, 'p'||char(9)||'q'||char(10)||char(9)||'r' as c7;\n"
                        + ".nullvalue NV\nselect null as n, 'a'||char(10)||'b' as m;\n", List.of(), true),
                new Case("headers restart per statement, empty results print nothing",
                        ".headers on\nselect 1 as a where 0;\nselect 1 as a; select 2 as b;\n.mode csv\nselect 1 as a where 0;\n",
                        List.of(), true),
                new Case(".mode tabs after csv keeps CRLF", ".mode csv\n.mode tabs\nselect 1, 2;\n.mode list\nselect 1, 2;\n",
                        List.of(), true),
                new Case("dot command prefixes", ".h on\n.m csv\nselect 1 as a;\n.mo list\n.sep ;\nselect 1, 2;\n",
                        List.of(), true),
                new Case(".print words and escapes", ".print a\\tb \"c\\td\" 'e\\tf' \"unterminated\n.print\n", List.of(), true),
                new Case("lines of only go or / end a statement", "select 1\ngo\nselect 2\n  /  \nselect 3\nGO -- comment\n",
                        List.of(), true),
                new Case("CRLF line ends", "select 1;\r\nselect 'a\r\nb';\r\n", List.of(), true),
                new Case("a statement without a semicolon at the end", "select 1;\nselect 2", List.of(), true),
                new Case(".tables column layout", "create table a(x); create table bb(x); create table ccc(x);"
                        + " create table dddddddddddddddddddddddddddddddddddd(x); create view v as select 1;\n"
                        + "create table e(x); create table f(x); create table g(x);\n.tables\n.tables %d%\n", List.of(), true),
                new Case(".indexes", "create table u(a unique, b); create index ub on u(b); create table v(c);"
                        + " create index vc on v(c);\n.indexes\n.indexes U\n.ind v%\n.indices\n.indexes u x\n", List.of(), true),
                new Case(".open another database", "create table a(x);\n.open other.db\n.tables\ncreate table b(y);\n.tables\n"
                        + ".open\n.tables\n.open other.db\n.tables\n.open --bogus x\n.open a b\nselect 1;\n", List.of(), true),
                new Case(".schema patterns", "create table Abc(x); create index abc_i on abc(x); create table abd(\"q\" int);\n"
                        + "create table [x y](z); create view vv as select x as [a b], 2 from abc;\n"
                        + ".schema ab%\n.schema AB_\n.schema ab*\n.schema A*\n.schema x*\n.schema vv\n.schema main.abc\n"
                        + ".schema sqlite_master\n", List.of(), true));
    }

    @BeforeAll
    static void needSqlite3() {
        Assumptions.assumeTrue(Sqlite3Command.available(), "no sqlite3 at " + Sqlite3Command.PATH);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void printsWhatSqlite3Prints(Case c) throws IOException {
        // Each in a folder of its own, so that files a script creates (.open) do not meet.
        Path sqlite3Dir = Files.createDirectories(temp.resolve("sqlite3"));
        Path shellDir = Files.createDirectories(temp.resolve("shell"));
        String[] sqliteArgs = args(c, sqlite3Dir.resolve("test.db"));
        String[] shellArgs = args(c, shellDir.resolve("test.db"));
        ShellRun expected = Sqlite3Command.run(sqlite3Dir, c.stdin, sqliteArgs);
        SessionOpener opener = (file, io) ->
                new SqliteJdbcSession(file.equals(ShellOptions.MEMORY) ? file : shellDir.resolve(file).toString());
        ShellRun actual = ShellRun.of(opener, shellDir, c.stdin, shellArgs);
        ShellMatchesSqlite3Test.assertSameRun(expected, actual);
        if (c.fullStderr) {
            assertEquals(expected.stderr(), actual.stderr(), "stderr");
        }
    }

    /** Options (with their values) first, then the database file, then the SQL arguments — as sqlite3 takes them. */
    private static String[] args(Case c, Path db) {
        List<String> all = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        for (int i = 0; i < c.args.size(); i++) {
            String a = c.args.get(i);
            if (a.equals("-nullvalue") || a.equals("-separator") || a.equals("-newline") || a.equals("-cmd")) {
                all.add(a);
                all.add(c.args.get(++i));
            } else if (a.startsWith("-")) {
                all.add(a);
            } else {
                commands.add(a);
            }
        }
        all.add(db.toString());
        all.addAll(commands);
        return all.toArray(String[]::new);
    }
}
