package io.tollgate.bench.load;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Linux wakes a parked thread up to its timer slack (50 us by default) late. The ping-pong sender parks between
 * messages, so without this every arm's latency would carry 0-50 us of scheduling noise; prctl(PR_SET_TIMERSLACK)
 * narrows it for the calling thread only.
 */
final class TimerSlack {
    private static final int PR_SET_TIMERSLACK = 29;

    private TimerSlack() {
    }

    /** Sets the calling thread's slack to 1 ns; returns false when the platform does not allow it (then the default stays). */
    static boolean minimiseForCurrentThread() {
        try {
            Linker linker = Linker.nativeLinker();
            MethodHandle prctl = linker.downcallHandle(
                    linker.defaultLookup().find("prctl").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG),
                    Linker.Option.firstVariadicArg(1));
            return (int) prctl.invokeExact(PR_SET_TIMERSLACK, 1L) == 0;
        } catch (Throwable unavailable) {
            // Not Linux, or native access denied: latency is then only coarser, equally for every arm.
            return false;
        }
    }
}
