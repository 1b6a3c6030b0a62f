package io.tollgate.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** The {@code tollgate} command: the only place that reads flags, the environment and system properties. */
@Command(name = "tollgate", mixinStandardHelpOptions = true, version = "tollgate 0.1.0",
        description = "Zero-trust egress control for databases, configured with Istio's resources.",
        subcommands = {CommandLine.HelpCommand.class, ValidateCommand.class, io.tollgate.cli.authz.AuthzCommand.class, io.tollgate.cli.routes.RoutesCommand.class,
                io.tollgate.cli.controlplane.ControlPlaneCommand.class, io.tollgate.cli.controlplane.StatusCommand.class,
                io.tollgate.cli.ca.CaCommand.class, io.tollgate.cli.ca.TokenCommand.class, io.tollgate.cli.ca.CertCommand.class,
                io.tollgate.cli.proxy.GatewayCommand.class, io.tollgate.cli.proxy.SidecarCommand.class,
                io.tollgate.cli.up.UpCommand.class, io.tollgate.cli.run.RunCommand.class, io.tollgate.cli.demo.DemoCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns the exit code: 0 success, 1 failure, 2 invalid input. */
    public static int run(String... args) {
        return run(new CommandLine(new Main()), args);
    }

    /** Runs the CLI writing to the given streams instead of the process's (for tests and embedding). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        return run(cli, args);
    }

    private static int run(CommandLine cli, String... args) {
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("tollgate: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return 2;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
