package io.tollgate.controlplane.source;

/**
 * Validates a whole candidate configuration: splits it into documents and checks every one, collecting all
 * problems. For Tollgate this wraps the model's resource loader; it must be a pure function of the set (it runs on
 * the watcher's thread, and must not throw for bad input: that is what {@link ValidationResult.Invalid} is for).
 */
@FunctionalInterface
public interface ConfigValidator<T> {
    ValidationResult<T> validate(SourceSet sources);
}
