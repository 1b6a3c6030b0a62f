package io.tollgate.controlplane.distribution;

/**
 * Where a configuration source delivers its outcomes. Called on the source's own thread, one call at a time, in
 * the order the source read the candidates.
 */
public interface ConfigSink<T> {
    /** A new whole configuration is valid and replaces the current one. */
    void accepted(ValidatedConfig<T> config);

    /** A candidate was refused; the current configuration stays in force. */
    void rejected(Rejection rejection);
}
