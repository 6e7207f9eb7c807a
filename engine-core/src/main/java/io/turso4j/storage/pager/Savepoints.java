package io.turso4j.storage.pager;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The open savepoints of one write transaction: for each, the database size when it opened
 * and the image of every page as it was then, kept for the pages changed since.
 *
 * <p>Invariant: a page changed after savepoint k opened has its image in level k or in a level
 * opened after k (images are recorded in the innermost level only, on the first change under
 * it); the image in the outermost such level is the oldest, so restoring from the innermost
 * level outwards leaves the page as it was when k opened. Not thread-safe: one pager.
 */
final class Savepoints {
    private record Level(Map<Integer, byte[]> images, int pageCount) {}

    private final Deque<Level> levels = new ArrayDeque<>();

    int depth() {
        return levels.size();
    }

    boolean isEmpty() {
        return levels.isEmpty();
    }

    /** Opens a level at database size {@code pageCount}; returns its depth. */
    int open(int pageCount) {
        levels.push(new Level(new HashMap<>(), pageCount));
        return levels.size();
    }

    /** Whether the innermost level still needs the image of {@code page}. */
    boolean needsImage(int page) {
        Level top = levels.peek();
        return top != null && page <= top.pageCount && !top.images.containsKey(page);
    }

    /** Records the image of {@code page} in the innermost level. */
    void record(int page, byte[] image) {
        levels.peek().images.put(page, image);
    }

    /** Forgets levels {@code depth} and deeper, handing their images to the level outside. */
    void release(int depth) {
        while (levels.size() >= depth && !levels.isEmpty()) {
            Level inner = levels.pop();
            Level outer = levels.peek();
            if (outer != null) {
                inner.images.forEach((n, image) -> {
                    if (n <= outer.pageCount) {
                        outer.images.putIfAbsent(n, image);
                    }
                });
            }
        }
    }

    /**
     * Folds the levels deeper than {@code depth} into it and returns it emptied: its images
     * (to restore) and page count. Level {@code depth} stays open.
     */
    Map<Integer, byte[]> unwindTo(int depth, int[] pageCountOut) {
        if (depth < 1 || depth > levels.size()) {
            throw new IllegalArgumentException("no savepoint at depth " + depth + " (" + levels.size() + " open)");
        }
        while (levels.size() > depth) {
            release(levels.size());
        }
        Level level = levels.peek();
        Map<Integer, byte[]> images = new HashMap<>(level.images);
        level.images.clear();
        pageCountOut[0] = level.pageCount;
        return images;
    }

    void clear() {
        levels.clear();
    }
}
