package io.tollgate.cli;

import picocli.CommandLine.Model.CommandSpec;

/**
 * A command that cannot do what was asked, with the exit code to end on: 2 for bad input (flags, files, tokens,
 * a refusal by the control plane), 1 when something else failed (the control plane unreachable). {@link #run}
 * turns it into one line on stderr, {@code tollgate <command>: <reason>}, never a stack trace.
 */
public final class CommandFailure extends Exception {
    public static final int BAD_INPUT = 2;
    public static final int FAILED = 1;
    private final int exitCode;

    public CommandFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public static CommandFailure badInput(String message) {
        return new CommandFailure(BAD_INPUT, message);
    }

    @FunctionalInterface
    public interface Body {
        int run() throws CommandFailure;
    }

    public static int run(CommandSpec spec, Body body) {
        try {
            return body.run();
        } catch (CommandFailure e) {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": " + e.getMessage());
            spec.commandLine().getErr().flush();
            return e.exitCode;
        }
    }
}
