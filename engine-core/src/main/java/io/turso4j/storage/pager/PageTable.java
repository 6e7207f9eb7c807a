package io.turso4j.storage.pager;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Page number → {@link Page} for the {@link PageCache}: open addressing with linear probing
 * over primitive page numbers, so a lookup on the read path neither boxes the number nor
 * chases a bucket list. Deletion shifts the following entries of the probe run back, so no
 * tombstones accumulate as pages come and go.
 *
 * <p>Invariants: {@code keys[s] == 0} marks a free slot (page numbers start at 1); every entry
 * sits in the probe run that starts at its hash slot; the table is at most half full.
 * Not thread-safe: owned by one cache.
 */
final class PageTable {
    private int[] keys = new int[64];
    private Page[] values = new Page[64];
    private int mask = 63;
    private int size;

    int size() {
        return size;
    }

    Page get(int number) {
        int[] k = keys;
        int m = mask;
        for (int s = slot(number, m); ; s = (s + 1) & m) {
            int key = k[s];
            if (key == number) {
                return values[s];
            }
            if (key == 0) {
                return null;
            }
        }
    }

    /** Adds the page under its number unless one is there; returns the one already there, or null. */
    Page putIfAbsent(Page page) {
        int number = page.number();
        for (int s = slot(number, mask); ; s = (s + 1) & mask) {
            if (keys[s] == number) {
                return values[s];
            }
            if (keys[s] == 0) {
                keys[s] = number;
                values[s] = page;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return null;
            }
        }
    }

    /** Removes the entry for {@code page}'s number if it is {@code page}; whether it was. */
    boolean remove(Page page) {
        int number = page.number();
        for (int s = slot(number, mask); ; s = (s + 1) & mask) {
            if (keys[s] == 0) {
                return false;
            }
            if (keys[s] == number) {
                if (values[s] != page) {
                    return false;
                }
                deleteAt(s);
                return true;
            }
        }
    }

    /** Every page, in slot order, as a new list. */
    List<Page> values() {
        List<Page> out = new ArrayList<>(size);
        forEach(out::add);
        return out;
    }

    /** Hands every page to {@code action}, in slot order; the action must not change the table. */
    void forEach(Consumer<Page> action) {
        for (int s = 0; s < keys.length; s++) {
            if (keys[s] != 0) {
                action.accept(values[s]);
            }
        }
    }

    /** Empties slot {@code hole} and moves later entries of its run back so each stays reachable. */
    private void deleteAt(int hole) {
        size--;
        int s = hole;
        while (true) {
            s = (s + 1) & mask;
            int key = keys[s];
            if (key == 0) {
                break;
            }
            int home = slot(key, mask);
            // the entry at s may fill the hole unless its home lies cyclically in (hole, s]
            boolean homeBetween = hole <= s ? hole < home && home <= s : hole < home || home <= s;
            if (!homeBetween) {
                keys[hole] = key;
                values[hole] = values[s];
                hole = s;
            }
        }
        keys[hole] = 0;
        values[hole] = null;
    }

    private void grow() {
        int[] oldKeys = keys;
        Page[] oldValues = values;
        keys = new int[oldKeys.length * 2];
        values = new Page[oldKeys.length * 2];
        mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            int key = oldKeys[i];
            if (key != 0) {
                int s = slot(key, mask);
                while (keys[s] != 0) {
                    s = (s + 1) & mask;
                }
                keys[s] = key;
                values[s] = oldValues[i];
            }
        }
    }

    /** Fibonacci hashing, high bits folded down: consecutive page numbers spread over the table. */
    private static int slot(int number, int mask) {
        int h = number * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }
}
