package io.tollgate.bench.harness;

import java.util.ArrayList;
import java.util.List;

/**
 * The order in which a latency trial's slice runs the arms: the rows of a Williams design, one row a slice. Within
 * the slices of one cycle ({@link #rows}) every arm runs right after every other arm equally often (once each for an
 * even number of arms, twice for an odd one), so no arm's slices always inherit the same neighbour's teardown. A full
 * run's 8 slices are whole cycles for 1, 2, 4 and 8 arms only. Across a slice boundary the design is not balanced: the
 * first arm of a slice follows the arm after it in the round's list (with 4 arms).
 */
final class SliceOrder {
    private SliceOrder() {
    }

    /** How many slices a full cycle of the design takes for {@code arms} arms: {@code arms}, twice that when odd. */
    static int rows(int arms) {
        return arms % 2 == 0 ? arms : 2 * arms;
    }

    /** The arms in the order slice {@code slice} (counted from 0) runs them; none when there are none. */
    static <T> List<T> of(List<T> arms, int slice) {
        int n = arms.size();
        if (n == 0) {
            return List.of();
        }
        int row = slice % rows(n);
        List<T> order = new ArrayList<>(n);
        for (int position = 0; position < n; position++) {
            order.add(arms.get((firstRow(position, n) + row) % n));
        }
        return row < n ? order : order.reversed();
    }

    /** The design's first row: 0, 1, n-1, 2, n-2, 3, ... */
    private static int firstRow(int position, int n) {
        if (position == 0) {
            return 0;
        }
        return position % 2 == 1 ? (position + 1) / 2 : n - position / 2;
    }
}
