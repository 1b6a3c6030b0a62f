package io.tollgate.controlplane.digest;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * SHA-256 of a byte array, through the system's libcrypto when it can be loaded, else the JDK's own. The values
 * are the same either way; only the speed differs. A cold control plane hashes every file it reads and every
 * document it serves (16 MB for the 22,002-document benchmark), and it runs with the client compiler only, which
 * has no SHA-256 intrinsic: the JDK's Java code then runs at a few tens of MB/s, libcrypto (SHA extensions) at
 * over a GB/s. The call passes the Java arrays themselves (a critical downcall: no copy, no allocation).
 */
public final class Sha256 {
    /** {@code unsigned char *SHA256(const unsigned char *d, size_t n, unsigned char *md)}, or empty. */
    private static final Optional<MethodHandle> NATIVE = bind();

    private Sha256() {
    }

    /** The 32-byte SHA-256 of {@code bytes}. */
    public static byte[] of(byte[] bytes) {
        byte[] digest = new byte[32];
        if (NATIVE.isPresent()) {
            try {
                MemorySegment ignored = (MemorySegment) NATIVE.get().invokeExact(MemorySegment.ofArray(bytes), (long) bytes.length,
                        MemorySegment.ofArray(digest));
                return digest;
            } catch (Throwable e) {
                throw new IllegalStateException("libcrypto's SHA256 failed", e);
            }
        }
        return jdk().digest(bytes);
    }

    /** Whether the native path is in use (reported at start, and tested). */
    public static boolean isNative() {
        return NATIVE.isPresent();
    }

    private static Optional<MethodHandle> bind() {
        try {
            Linker linker = Linker.nativeLinker();
            SymbolLookup crypto = SymbolLookup.libraryLookup("libcrypto.so.3", Arena.global());
            return crypto.find("SHA256").map(symbol -> linker.downcallHandle(symbol,
                    FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, ADDRESS), Linker.Option.critical(true)));
        } catch (IllegalArgumentException | IllegalCallerException | UnsupportedOperationException e) {
            // No libcrypto 3 on this machine, or native access not enabled for this module: the JDK's digest.
            return Optional.empty();
        }
    }

    private static MessageDigest jdk() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
