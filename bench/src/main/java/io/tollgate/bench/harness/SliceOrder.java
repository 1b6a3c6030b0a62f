package io.tollgate.bench.harness;

import java.util.ArrayList;
import java.util.List;

/**
 * The order in which a latency trial's slice runs the arms: the rows of a Williams design, one row a slice. Over
 * {@link #rows} slices every arm runs right after every other arm equally often (once each for an even number of
 * arms, twice for an odd one), so no arm's slices always inherit the same neighbour's teardown.
 *
 * <p>The rotation it replaces (rotated by one every other slice, reversed in between) kept each arm between the same two
 * neighbours of the round's order: with the arms in the order direct, haproxy, tollgate, tollgate-tls, the tollgate
 * arm never ran after direct, the quietest predecessor, while haproxy did in half its slices.
 */
final class SliceOrder {
    private SliceOrder() {
    }

    /** How many slices a full cycle of the design takes for {@code arms} arms: {@code arms}, twice that when odd. */
    static int rows(int arms) {
        return arms % 2 == 0 ? arms : 2 * arms;
    }

    /** The arms in the order slice {@code slice} (counted from 0) runs them. */
    static <T> List<T> of(List<T> arms, int slice) {
        int n = arms.size();
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
