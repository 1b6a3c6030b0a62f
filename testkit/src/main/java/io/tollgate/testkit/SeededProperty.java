package io.tollgate.testkit;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Checks a property over a fixed number of inputs: the listed edge cases first, then generated ones until
 * {@code tries} inputs have been checked. Generated try {@code i} draws only from
 * {@code new SplittableRandom(BASE_SEED + i)}, so the seed in a failure message regenerates that one input without
 * replaying the tries before it. The seed is fixed on purpose: a run that fails here fails the same way in CI.
 *
 * <p>The first failing input is reported as it is; nothing is shrunk, so edge cases go first to keep a failure's
 * input small where a small one exists.
 */
public final class SeededProperty {
    public static final long BASE_SEED = 0x7011_6A7E_5EEDL;

    private SeededProperty() {
    }

    /**
     * @param tries     how many inputs to check in all, edge cases included
     * @param edges     inputs checked first, in order
     * @param generator one input from a random source it may draw from freely
     * @param property  throws (an assertion or any runtime exception) when the input breaks the property
     */
    public static <T> void check(int tries, List<T> edges, Function<SplittableRandom, T> generator, Consumer<T> property) {
        if (edges.size() > tries) {
            throw new IllegalArgumentException(edges.size() + " edge cases do not fit in " + tries + " tries");
        }
        for (int index = 0; index < tries; index++) {
            long seed = BASE_SEED + index;
            String origin = index < edges.size() ? "edge case " + index : "seed 0x" + Long.toHexString(seed) + "L";
            T input;
            try {
                input = index < edges.size() ? edges.get(index) : generator.apply(new SplittableRandom(seed));
            } catch (RuntimeException e) {
                throw new AssertionError("try " + (index + 1) + " of " + tries + " (" + origin + "): the generator failed", e);
            }
            try {
                property.accept(input);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("try " + (index + 1) + " of " + tries + " (" + origin + ") failed for input "
                        + input + ": " + e.getMessage(), e);
            }
        }
    }

    /** One of {@code values}, each as likely. */
    public static <T> T oneOf(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
