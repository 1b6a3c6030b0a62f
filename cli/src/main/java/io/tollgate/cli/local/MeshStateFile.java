package io.tollgate.cli.local;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Reads and writes {@code mesh.json}. Written to a temporary file and renamed, so a reader never sees half a file.
 */
public final class MeshStateFile {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
    private final StateDirectory directory;

    public MeshStateFile(StateDirectory directory) {
        this.directory = directory;
    }

    public void write(MeshState state) throws IOException {
        Path file = directory.meshFile();
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, GSON.toJson(state) + "\n", StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The state if the file exists, whether or not its owner still runs; a malformed file is an error naming it. */
    public Optional<MeshState> read() throws IOException {
        String text;
        try {
            text = Files.readString(directory.meshFile(), StandardCharsets.UTF_8);
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        }
        try {
            MeshState state = GSON.fromJson(text, MeshState.class);
            if (state == null || state.controlPlane() == null || state.rootFingerprint() == null || state.meshServices() == null) {
                throw new IOException(directory.meshFile() + ": incomplete (needs controlPlane, rootFingerprint, meshServices, pid)");
            }
            return Optional.of(new MeshState(state.controlPlane(), state.rootFingerprint(), state.meshServices(), state.pid()));
        } catch (JsonParseException e) {
            throw new IOException(directory.meshFile() + ": not a mesh state file: " + e.getMessage(), e);
        }
    }

    /**
     * The state of a mesh that is running now. Missing or stale state is an error that says what to do.
     */
    public MeshState requireRunning() throws IOException {
        MeshState state = read().orElseThrow(() -> new IOException("no local mesh is running: " + directory.meshFile()
                + " does not exist; start one with `tollgate up -f DIR` (or pass --state-dir)"));
        if (!state.ownerAlive()) {
            throw new IOException("the local mesh recorded in " + directory.meshFile() + " is gone (process " + state.pid()
                    + " is not running); start it again with `tollgate up -f DIR`");
        }
        return state;
    }

    /** Removes mesh.json and the token socket; what {@code up} does on exit and on finding stale state. */
    public void remove() throws IOException {
        Files.deleteIfExists(directory.meshFile());
        Files.deleteIfExists(directory.tokenSocket());
    }
}
