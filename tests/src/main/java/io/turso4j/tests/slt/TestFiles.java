package io.turso4j.tests.slt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the .test files named on the command line: a file is taken as is; a folder is searched
 * recursively for files ending in {@code .test}, in path order. Each file gets a report name:
 * its path relative to the folder it was found in (prefixed with the folder when several paths
 * were given), or the path as given for a file. Stateless.
 */
final class TestFiles {

    /** One file to run and how reports name it. */
    record TestFile(Path path, String name) {

        /** The first folder of the name ("evidence", "index"), or "." for a top-level file. */
        String group() {
            int slash = name.indexOf('/');
            return slash < 0 ? "." : name.substring(0, slash);
        }
    }

    private TestFiles() {}

    static List<TestFile> find(List<String> args) throws IOException {
        List<TestFile> files = new ArrayList<>();
        for (String arg : args) {
            Path path = Path.of(arg);
            if (Files.isDirectory(path)) {
                String prefix = args.size() > 1 ? stripSlash(arg) + "/" : "";
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".test"))
                            .sorted()
                            .forEach(p -> files.add(new TestFile(p, prefix + slashed(path.relativize(p)))));
                }
            } else if (Files.isRegularFile(path)) {
                files.add(new TestFile(path, arg));
            } else {
                throw new IOException("no such file or folder: " + arg);
            }
        }
        return files;
    }

    private static String slashed(Path relative) {
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") && s.length() > 1 ? s.substring(0, s.length() - 1) : s;
    }
}
