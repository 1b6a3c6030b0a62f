package io.tollgate.bench.harness;

import java.nio.file.Path;

/**
 * Where the external programs are: the JDK (the same one for the load client, the echo server and every Java
 * proxy) and the bench module's class path (to start the echo server as a process of its own).
 */
record Tools(Path javaHome, String benchClassPath) {
    String java() {
        return javaHome.resolve("bin/java").toString();
    }
}
