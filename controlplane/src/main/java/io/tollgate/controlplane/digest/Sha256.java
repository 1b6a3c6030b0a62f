package io.tollgate.controlplane.digest;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * SHA-256 of a byte array, through the system's libcrypto when it can be loaded, else the JDK's own. The values
 * are the same either way; only the speed differs. A cold control plane hashes every file it reads and every
 * document it serves (16 MB for the 22,002-document benchmark), and it runs with the client compiler only, which
 * has no SHA-256 intrinsic: the JDK's Java code then runs at a few tens of MB/s, libcrypto (SHA extensions) at
 * over a GB/s. The call passes the Java arrays themselves (a critical downcall: no copy, no allocation).
 */
public final class Sha256 {
    /** SHA-256("abc"), FIPS 180-2's first example. */
    private static final byte[] ABC = HexFormat.of().parseHex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    /** {@code unsigned char *SHA256(const unsigned char *d, size_t n, unsigned char *md)}, or empty. */
    private static final Optional<MethodHandle> NATIVE = bind();

    private Sha256() {
    }

    /** The 32-byte SHA-256 of {@code bytes}. */
    public static byte[] of(byte[] bytes) {
        byte[] digest = new byte[32];
        if (NATIVE.isPresent()) {
            MemorySegment result;
            try {
                result = (MemorySegment) NATIVE.get().invokeExact(MemorySegment.ofArray(bytes), (long) bytes.length,
                        MemorySegment.ofArray(digest));
            } catch (Throwable e) {
                throw new IllegalStateException("libcrypto's SHA256 failed", e);
            }
            // NULL: libcrypto could not fetch the algorithm (a provider or openssl.cnf problem). Never a zero digest.
            if (!result.equals(MemorySegment.NULL)) {
                return digest;
            }
        }
        return jdk().digest(bytes);
    }

    /** Whether the native path is in use (the control plane says so when it starts). */
    public static boolean isNative() {
        return NATIVE.isPresent();
    }

    /**
     * Binds libcrypto's one-shot SHA256 for critical calls (Java arrays passed directly; the call cannot block a
     * collection for long: it hashes and returns). The first call loads libcrypto's configuration and providers,
     * which may take locks and time, so it is made first through an ordinary downcall, and the known answer for
     * "abc" must come back or the JDK's digest is used.
     */
    private static Optional<MethodHandle> bind() {
        try {
            Linker linker = Linker.nativeLinker();
            SymbolLookup crypto = SymbolLookup.libraryLookup("libcrypto.so.3", Arena.global());
            Optional<MemorySegment> symbol = crypto.find("SHA256");
            if (symbol.isEmpty()) {
                return Optional.empty();
            }
            FunctionDescriptor signature = FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, ADDRESS);
            if (!answersAbc(linker.downcallHandle(symbol.get(), signature))) {
                return Optional.empty();
            }
            return Optional.of(linker.downcallHandle(symbol.get(), signature, Linker.Option.critical(true)));
        } catch (IllegalArgumentException | IllegalCallerException | UnsupportedOperationException e) {
            // No libcrypto 3 on this machine, or native access not enabled for this module: the JDK's digest.
            return Optional.empty();
        }
    }

    private static boolean answersAbc(MethodHandle ordinary) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment input = arena.allocateFrom("abc");
            MemorySegment output = arena.allocate(32);
            MemorySegment result = (MemorySegment) ordinary.invokeExact(input, 3L, output);
            return !result.equals(MemorySegment.NULL) && Arrays.equals(output.toArray(JAVA_BYTE), ABC);
        } catch (Throwable e) {
            return false;
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
