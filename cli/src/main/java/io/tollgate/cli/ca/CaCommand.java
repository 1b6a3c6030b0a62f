package io.tollgate.cli.ca;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tollgate ca}: the mesh certificate authority. */
@Command(name = "ca", mixinStandardHelpOptions = true,
        description = "The mesh certificate authority: create it, inspect certificates, serve certificate signing.",
        subcommands = {CaInitCommand.class, CaInspectCommand.class, CaServeCommand.class})
public final class CaCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
