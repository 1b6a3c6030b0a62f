package io.tollgate.dataplane.capture;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The few C library calls capture needs, bound once through the FFM API (no JNI). Every call captures errno
 * right after it returns (before the JVM can run anything that would overwrite it) and turns a {@code -1}
 * into a {@link SyscallException} naming the call. The handles are immutable and safe on any thread.
 */
final class Libc {
    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    static final int SOCK_STREAM = 1;
    static final int SOCK_NONBLOCK = 0x800;
    static final int SOCK_CLOEXEC = 0x80000;
    static final int SOL_SOCKET = 1;
    static final int SO_REUSEADDR = 2;
    static final int SO_MARK = 36;
    static final int SOL_IP = 0;
    static final int SOL_IPV6 = 41;
    /** {@code SO_ORIGINAL_DST} on SOL_IP and {@code IP6T_SO_ORIGINAL_DST} on SOL_IPV6 share the number 80. */
    static final int SO_ORIGINAL_DST = 80;
    static final int O_RDONLY = 0;
    static final int O_CLOEXEC = 0x80000;
    static final int CLONE_NEWNET = 0x40000000;
    static final int ENOENT = 2;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");

    private static final MethodHandle SOCKET = downcall("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle SETSOCKOPT = downcall("setsockopt",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle GETSOCKOPT = downcall("getsockopt",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle BIND = downcall("bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle LISTEN = downcall("listen", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle CLOSE = downcall("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle SETNS = downcall("setns", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    // open(2) is variadic in C; passing the mode argument as the first variadic one keeps the call ABI-correct.
    private static final MethodHandle OPEN = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("open"),
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), CAPTURE_ERRNO, Linker.Option.firstVariadicArg(2));
    private static final MethodHandle STRERROR = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("strerror"),
            FunctionDescriptor.of(ADDRESS, JAVA_INT));

    private Libc() {
    }

    static int socket(int domain, int type, String what) throws SyscallException {
        return call(what, state -> (int) SOCKET.invokeExact(state, domain, type, 0));
    }

    static void setsockopt(int fd, int level, int option, int value, String what) throws SyscallException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = arena.allocateFrom(JAVA_INT, value);
            call(what, state -> (int) SETSOCKOPT.invokeExact(state, fd, level, option, v, (int) JAVA_INT.byteSize()));
        }
    }

    /** Reads an option into {@code buffer}; returns the number of bytes the kernel wrote. */
    static int getsockopt(int fd, int level, int option, MemorySegment buffer, String what) throws SyscallException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment length = arena.allocateFrom(JAVA_INT, (int) buffer.byteSize());
            call(what, state -> (int) GETSOCKOPT.invokeExact(state, fd, level, option, buffer, length));
            return length.get(JAVA_INT, 0);
        }
    }

    static void bind(int fd, MemorySegment sockaddr, String what) throws SyscallException {
        call(what, state -> (int) BIND.invokeExact(state, fd, sockaddr, (int) sockaddr.byteSize()));
    }

    static void listen(int fd, int backlog, String what) throws SyscallException {
        call(what, state -> (int) LISTEN.invokeExact(state, fd, backlog));
    }

    static void close(int fd, String what) throws SyscallException {
        call(what, state -> (int) CLOSE.invokeExact(state, fd));
    }

    static int open(String path, int flags) throws SyscallException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cPath = arena.allocateFrom(path);
            return call("open(" + path + ")", state -> (int) OPEN.invokeExact(state, cPath, flags, 0));
        }
    }

    static void setns(int fd, int nstype, String what) throws SyscallException {
        call(what, state -> (int) SETNS.invokeExact(state, fd, nstype));
    }

    /** The C library's text for an errno, e.g. "No such file or directory". */
    static String describe(int errno) {
        try {
            MemorySegment text = (MemorySegment) STRERROR.invokeExact(errno);
            return text.equals(MemorySegment.NULL) ? "unknown error" : text.reinterpret(1024).getString(0);
        } catch (Throwable t) {
            throw new IllegalStateException("strerror(" + errno + ") could not be called", t);
        }
    }

    @FunctionalInterface
    private interface Call {
        int invoke(MemorySegment callState) throws Throwable;
    }

    private static int call(String what, Call call) throws SyscallException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            int result;
            try {
                result = call.invoke(state);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                // invokeExact declares Throwable; a C function cannot throw, so this is a binding bug.
                throw new IllegalStateException("native call " + what + " could not be invoked", t);
            }
            if (result == -1) {
                int errno = (int) ERRNO.get(state, 0L);
                throw new SyscallException(what, errno, describe(errno));
            }
            return result;
        }
    }

    private static MethodHandle downcall(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow(name), descriptor, CAPTURE_ERRNO);
    }
}
