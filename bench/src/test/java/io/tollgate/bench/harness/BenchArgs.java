package io.tollgate.bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A command line for {@link BenchMain#parse} whose required flags name a scratch run directory with a CA file. */
final class BenchArgs {
    private BenchArgs() {
    }

    static String[] with(Path dir, String... extra) throws IOException {
        Files.createDirectories(dir.resolve("pki"));
        Files.writeString(dir.resolve("pki/ca.crt"), "x");
        String[] base = {"--run-dir", dir.toString(), "--repo", dir.toString(), "--java-home", dir.toString(),
                "--class-path", "cp"};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }
}
