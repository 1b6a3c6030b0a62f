package io.tollgate.cli.ca;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tollgate cert}: workload certificates from the control plane. */
@Command(name = "cert", mixinStandardHelpOptions = true, description = "Workload certificates from the control plane.",
        subcommands = CertRequestCommand.class)
public final class CertCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
