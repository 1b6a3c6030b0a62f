package io.tollgate.controlplane.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A reader that keeps what it read judges every set exactly as a fresh reader would. */
class SourceReaderTest {
    @TempDir
    Path dir;

    @Test
    void aRereadHashesLikeAFreshReadAndKeepsUnchangedFiles() throws Exception {
        Files.writeString(dir.resolve("a.yaml"), "a: 1\n");
        Files.writeString(dir.resolve("b.yaml"), "b: 1\n");
        Path mesh = Files.writeString(dir.resolve("mesh.cfg"), "trustDomain: cluster.local\n");
        ConfigPaths paths = new ConfigPaths(List.of(dir), Optional.of(mesh));
        SourceReader reader = new SourceReader();
        SourceSet first = readable(reader.read(paths));

        Files.writeString(dir.resolve("b.yaml"), "b: 2\n");
        SourceSet second = readable(reader.read(paths));

        assertThat(second.digest()).isNotEqualTo(first.digest()).isEqualTo(readable(new SourceReader().read(paths)).digest());
        assertThat(second.resources().get(0)).isSameAs(first.resources().get(0));
        assertThat(second.resources().get(1).text()).isEqualTo("b: 2\n");
        assertThat(second.meshConfig()).containsSame(first.meshConfig().orElseThrow());
        assertThat(readable(reader.read(paths)).digest()).isEqualTo(second.digest());
    }

    @Test
    void problemsComeInTheOrderThePathsWereNamed() throws Exception {
        Files.writeString(dir.resolve("ok.yaml"), "a: 1\n");
        Path bad = Files.write(dir.resolve("bad.yaml"), new byte[]{(byte) 0xC3, (byte) 0x28});
        ConfigPaths paths = new ConfigPaths(List.of(dir.resolve("missing.yaml"), dir, dir.resolve("gone")),
                Optional.of(dir.resolve("mesh.yaml")));

        SourceRead read = new SourceReader().read(paths);

        assertThat(read).isInstanceOfSatisfying(SourceRead.Unreadable.class, u -> assertThat(u.problems()).containsExactly(
                dir.resolve("missing.yaml") + ": does not exist", bad + ": is not UTF-8 text",
                dir.resolve("gone") + ": does not exist", dir.resolve("mesh.yaml") + ": does not exist"));
    }

    private static SourceSet readable(SourceRead read) {
        assertThat(read).isInstanceOf(SourceRead.Readable.class);
        return ((SourceRead.Readable) read).set();
    }
}
