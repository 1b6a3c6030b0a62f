package io.tollgate.policy.compile;

import io.tollgate.model.SourceLocation;

/**
 * One field of a rule as the compiler reports on it: the attribute it tests, the name Istio's error would use, and
 * where its values and not-values were written.
 */
record FieldRef(Attribute attribute, String key, String valuesPath, String notValuesPath, SourceLocation location) {
}
