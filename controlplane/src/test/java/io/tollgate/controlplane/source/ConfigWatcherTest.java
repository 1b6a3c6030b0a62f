package io.tollgate.controlplane.source;

import io.tollgate.controlplane.distribution.Await;
import io.tollgate.controlplane.distribution.ConfigDocument;
import io.tollgate.controlplane.distribution.ConfigSink;
import io.tollgate.controlplane.distribution.Rejection;
import io.tollgate.controlplane.distribution.TestFiles;
import io.tollgate.controlplane.distribution.ValidatedConfig;
import io.tollgate.controlplane.distribution.YamlTestValidator;
import io.tollgate.controlplane.distribution.YamlTestValidator.Namespaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.tollgate.controlplane.distribution.TestFiles.documents;
import static io.tollgate.controlplane.distribution.TestFiles.serviceEntry;
import static org.assertj.core.api.Assertions.assertThat;

class ConfigWatcherTest {
    private static final WatchSettings FAST = new WatchSettings(Duration.ofMillis(50), Duration.ofSeconds(1));

    @TempDir
    Path dir;

    @Test
    void theInitialLoadIsVersionOneWithEveryDocumentAndItsLine() throws Exception {
        Path app = TestFiles.write(dir.resolve("app.yaml"), documents(serviceEntry("a", "demo", "a.example.com"),
                serviceEntry("b", "demo", "b.example.com")));
        Path mesh = TestFiles.write(dir.resolve("mesh.yaml"), TestFiles.MESH);
        try (var watcher = watcher(new ConfigPaths(List.of(app), Optional.of(mesh)))) {
            var accepted = (SourceOutcome.Accepted<Namespaces>) watcher.loadInitial();
            assertThat(accepted.config().version()).matches("v1-[0-9a-f]{8}");
            assertThat(accepted.config().documents()).extracting(ConfigDocument::location)
                    .containsExactly(app + ":1", app + ":10", mesh + ":1");
            assertThat(accepted.config().documents().get(1).yaml()).isEqualTo(serviceEntry("b", "demo", "b.example.com"));
        }
    }

    @Test
    void everyChangeIsJudgedAsAWholeAndOnlyValidOnesBecomeVersions() throws Exception {
        Path app = TestFiles.write(dir.resolve("app.yaml"), serviceEntry("a", "demo", "a.example.com"));
        var sink = new RecordingSink();
        try (var watcher = watcher(new ConfigPaths(List.of(app), Optional.empty()))) {
            watcher.loadInitial();
            watcher.start(sink);

            TestFiles.write(app, documents(serviceEntry("a", "demo", "a.example.com"), serviceEntry("b", "demo", "b.example.com")));
            Await.until("version 2", () -> sink.events.size() == 1);
            assertThat(sink.accepted(0).version()).startsWith("v2-");
            assertThat(sink.accepted(0).documents()).hasSize(2);

            TestFiles.write(app, documents(serviceEntry("a", "demo", "a.example.com") + "unknownField: x\n",
                    serviceEntry("c", "demo", "c.example.com")));
            Await.until("the refusal", () -> sink.events.size() == 2);
            assertThat(sink.rejected(1).diagnostics()).containsExactly(app + ":9: unknownField: unknown field");

            TestFiles.write(app, serviceEntry("a", "demo", "a.example.com"));
            Await.until("version 3", () -> sink.events.size() == 3);
            assertThat(sink.accepted(2).version()).as("refusals do not consume version numbers").startsWith("v3-");
        }
    }

    @Test
    void aDirectoryContributesItsYamlFilesByNameAndNewFilesAreNoticed() throws Exception {
        TestFiles.write(dir.resolve("b.yaml"), serviceEntry("b", "demo", "b.example.com"));
        Files.writeString(dir.resolve("notes.txt"), "not configuration");
        var sink = new RecordingSink();
        try (var watcher = watcher(new ConfigPaths(List.of(dir), Optional.empty()))) {
            watcher.loadInitial();
            watcher.start(sink);
            TestFiles.write(dir.resolve("a.yml"), serviceEntry("a", "demo", "a.example.com"));
            Await.until("a new version", () -> sink.events.size() == 1);
            assertThat(sink.accepted(0).documents()).extracting(ConfigDocument::source)
                    .containsExactly(dir.resolve("a.yml").toString(), dir.resolve("b.yaml").toString());
        }
    }

    @Test
    void unchangedContentIsNotJudgedAgain() throws Exception {
        Path app = TestFiles.write(dir.resolve("app.yaml"), serviceEntry("a", "demo", "a.example.com"));
        try (var watcher = watcher(new ConfigPaths(List.of(app), Optional.empty()))) {
            watcher.loadInitial();
            TestFiles.write(app, serviceEntry("a", "demo", "a.example.com")); // rewritten, same bytes
            assertThat(watcher.reloadIfChanged()).isEmpty();
            TestFiles.write(app, serviceEntry("a", "demo", "other.example.com"));
            assertThat(watcher.reloadIfChanged()).get().isInstanceOf(SourceOutcome.Accepted.class);
        }
    }

    @Test
    void missingAndUnreadableFilesRefuseTheWholeSetNamingEachFile() throws Exception {
        Path missing = dir.resolve("missing.yaml");
        Path binary = dir.resolve("binary.yaml");
        Files.write(binary, new byte[]{(byte) 0xff, (byte) 0xfe, 0x00});
        try (var watcher = watcher(new ConfigPaths(List.of(missing, binary), Optional.empty()))) {
            var refused = (SourceOutcome.Refused<Namespaces>) watcher.loadInitial();
            assertThat(refused.rejection().diagnostics())
                    .containsExactly(missing + ": does not exist", binary + ": is not UTF-8 text");
        }
    }

    @Test
    void aValidatorThatCrashesRefusesTheSetInsteadOfAcceptingIt() throws Exception {
        Path app = TestFiles.write(dir.resolve("app.yaml"), serviceEntry("a", "demo", "a.example.com"));
        ConfigValidator<String> crashing = set -> {
            throw new IllegalStateException("bug");
        };
        try (var watcher = new ConfigWatcher<>(new ConfigPaths(List.of(app), Optional.empty()), crashing, FAST,
                Clock.systemUTC())) {
            var refused = (SourceOutcome.Refused<String>) watcher.loadInitial();
            assertThat(refused.rejection().diagnostics()).singleElement().asString()
                    .startsWith("validation failed unexpectedly: java.lang.IllegalStateException: bug");
        }
    }

    private ConfigWatcher<Namespaces> watcher(ConfigPaths paths) throws Exception {
        return new ConfigWatcher<>(paths, new YamlTestValidator(), FAST, Clock.systemUTC());
    }

    /** Records what the watcher delivers, on its thread, for the test thread to read. */
    private static final class RecordingSink implements ConfigSink<Namespaces> {
        final List<Object> events = new CopyOnWriteArrayList<>();

        @Override
        public void accepted(ValidatedConfig<Namespaces> config) {
            events.add(config);
        }

        @Override
        public void rejected(Rejection rejection) {
            events.add(rejection);
        }

        @SuppressWarnings("unchecked")
        ValidatedConfig<Namespaces> accepted(int index) {
            return (ValidatedConfig<Namespaces>) events.get(index);
        }

        Rejection rejected(int index) {
            return (Rejection) events.get(index);
        }
    }
}
