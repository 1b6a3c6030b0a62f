package io.tollgate.bench.harness;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the external programs are: the JDK (the same one for the load client, the echo server and every Java
 * proxy) and the bench module's class path (to start the echo server as a process of its own); and, when the run
 * profiles ({@code --profile-dir}), where each Java proxy writes its flight recording.
 */
record Tools(Path javaHome, String benchClassPath, Optional<Path> profileDir) {
    Tools(Path javaHome, String benchClassPath) {
        this(javaHome, benchClassPath, Optional.empty());
    }

    String java() {
        return javaHome.resolve("bin/java").toString();
    }

    /**
     * JVM options that make a proxy named {@code name} record JFR's profile (CPU samples, allocations) into the
     * profile directory until it exits, one file per process ({@code %p}: its pid); none when not profiling.
     */
    List<String> profiling(String name) {
        return profileDir.map(dir -> List.of("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                + dir.resolve(name + "-%p.jfr"))).orElse(List.of());
    }
}
