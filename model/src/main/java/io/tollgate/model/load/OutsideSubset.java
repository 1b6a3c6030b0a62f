package io.tollgate.model.load;

/**
 * Thrown by the {@link SubsetComposer} when a text leaves the YAML subset it composes (an anchor, a tag, a block
 * scalar, a multi-line scalar, odd indentation, any syntax error...): the caller then composes the whole text with
 * snakeyaml-engine, which also words the errors. No stack trace: giving up is expected, and must be cheap.
 */
final class OutsideSubset extends RuntimeException {
    OutsideSubset(String why) {
        super(why, null, false, false);
    }
}
