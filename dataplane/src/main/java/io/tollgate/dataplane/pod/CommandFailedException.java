package io.tollgate.dataplane.pod;

import java.io.IOException;
import java.util.List;

/** A command (ip, iptables-restore, ...) failed; the message has the command line, its exit status and output. */
public final class CommandFailedException extends IOException {
    private final List<String> command;
    private final int exitStatus;
    private final String output;

    CommandFailedException(List<String> command, int exitStatus, String output) {
        super("`" + CommandRunner.commandLine(command) + "` exited with status " + exitStatus
                + (output.isBlank() ? "" : ": " + output.strip()));
        this.command = List.copyOf(command);
        this.exitStatus = exitStatus;
        this.output = output;
    }

    CommandFailedException(List<String> command, String problem) {
        super("`" + CommandRunner.commandLine(command) + "` " + problem);
        this.command = List.copyOf(command);
        this.exitStatus = -1;
        this.output = "";
    }

    public List<String> command() {
        return command;
    }

    /** The exit status, or -1 when the command did not finish (it timed out). */
    public int exitStatus() {
        return exitStatus;
    }

    /** Standard output and standard error, interleaved as the command wrote them. */
    public String output() {
        return output;
    }
}
