package io.tollgate.cli.ca;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tollgate token}: join tokens, the bootstrap credential of a workload on this machine. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Join tokens: single-use credentials for a first certificate.",
        subcommands = TokenCreateCommand.class)
public final class TokenCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
