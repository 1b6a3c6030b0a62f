package io.tollgate.bench.load;

import java.io.IOException;

/**
 * Told when a ping-pong run's measured messages begin (just before the first is due) and when the last of them has
 * come back (before the connections close): what a caller times or meters over exactly the messages it records,
 * without the connections' set-up, warm-up and teardown.
 */
public interface MeasuredSpan {
    void begins() throws IOException;

    void ends() throws IOException;

    MeasuredSpan NONE = new MeasuredSpan() {
        @Override
        public void begins() {
        }

        @Override
        public void ends() {
        }
    };
}
