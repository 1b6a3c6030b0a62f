package io.tollgate.policy.compile;

import java.util.function.Function;

/** A compile step's result: a value, or the {@link Problem} that stops this destination (never an exception). */
sealed interface Outcome<T> {

    record Ok<T>(T value) implements Outcome<T> {
    }

    record Failed<T>(Problem problem) implements Outcome<T> {
    }

    static <T> Outcome<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Outcome<T> failed(Problem problem) {
        return new Failed<>(problem);
    }

    default <R> Outcome<R> then(Function<T, Outcome<R>> next) {
        return switch (this) {
            case Ok<T> ok -> next.apply(ok.value());
            case Failed<T> failed -> new Failed<>(failed.problem());
        };
    }
}
