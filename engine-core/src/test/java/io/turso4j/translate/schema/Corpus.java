package io.turso4j.translate.schema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A test script split into cases: each starts at a line {@code -- case <title>}; text before the
 * first case is a header. Lines starting with {@code -- } inside a case are kept (a case may
 * use them as markers).
 */
record Corpus(List<Case> cases) {

    record Case(String title, String text) {}

    static Corpus load(String resource) throws IOException {
        try (InputStream in = Corpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<Case> cases = new ArrayList<>();
            String title = null;
            StringBuilder body = new StringBuilder();
            for (String line : text.split("\n", -1)) {
                if (line.startsWith("-- case ")) {
                    if (title != null) {
                        cases.add(new Case(title, body.toString()));
                    }
                    title = line.substring("-- case ".length()).trim();
                    body.setLength(0);
                } else if (title != null) {
                    body.append(line).append('\n');
                }
            }
            if (title != null) {
                cases.add(new Case(title, body.toString()));
            }
            return new Corpus(List.copyOf(cases));
        }
    }
}
