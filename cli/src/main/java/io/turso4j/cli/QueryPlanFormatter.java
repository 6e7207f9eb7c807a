package io.turso4j.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * sqlite3's output for {@code EXPLAIN QUERY PLAN} in any mode: {@code QUERY PLAN}, then the
 * rows (id, parent, unused, detail) as a tree drawn with {@code |--} and {@code `--}, children
 * under their parent in the order they came. Rows are held until the statement ends.
 */
final class QueryPlanFormatter implements ResultFormatter {
    private record Node(int id, int parent, String detail) {}

    private final ShellOutput out;
    private final List<Node> nodes = new ArrayList<>();

    QueryPlanFormatter(ShellOutput out) {
        this.out = out;
    }

    /** True for a result shaped like EXPLAIN QUERY PLAN's (four columns). */
    static boolean fits(List<String> names) {
        return names.size() == 4;
    }

    @Override
    public void row(Object[] values, byte[][] cells) {
        nodes.add(new Node(number(cells[0]), number(cells[1]), cells[3] == null ? "" : new String(cells[3], StandardCharsets.UTF_8)));
    }

    @Override
    public void finish() {
        if (nodes.isEmpty()) {
            return;
        }
        out.write("QUERY PLAN\n");
        render(0, "");
    }

    private void render(int parent, String prefix) {
        List<Node> children = nodes.stream().filter(n -> n.parent == parent).toList();
        for (int i = 0; i < children.size(); i++) {
            boolean last = i == children.size() - 1;
            Node child = children.get(i);
            out.write(prefix + (last ? "`--" : "|--") + child.detail + "\n");
            if (child.id != parent) {
                render(child.id, prefix + (last ? "   " : "|  "));
            }
        }
    }

    private static int number(byte[] cell) {
        return cell == null ? 0 : (int) ShellNumbers.integerValue(new String(cell, StandardCharsets.UTF_8));
    }
}
