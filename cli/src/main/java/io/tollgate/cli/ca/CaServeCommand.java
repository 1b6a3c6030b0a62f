package io.tollgate.cli.ca;

import io.tollgate.cli.DurationConverter;
import io.tollgate.cli.SocketAddressConverter;
import io.tollgate.cli.CommandFailure;
import io.tollgate.controlplane.ca.CaEndpoint;
import io.tollgate.controlplane.ca.CertificateService;
import io.tollgate.controlplane.ca.SigningServer;
import io.tollgate.identity.CaDirectory;
import io.tollgate.identity.CertificateAuthority;
import io.tollgate.identity.CredentialException;
import io.tollgate.identity.Fingerprint;
import io.tollgate.identity.IssuancePolicy;
import io.tollgate.identity.JoinTokens;
import io.tollgate.identity.Scheduler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * {@code tollgate ca serve}: only the certificate-signing service, until the process is stopped. For scripts and
 * demos before (and beside) the full control plane, which hosts the same service.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve certificate signing (tollgate.ca.v1.CertificateService) over TLS until stopped.",
                "Creates the CA on first start if the state directory holds none."})
final class CaServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--state-dir", required = true, paramLabel = "DIR", description = "The control plane's state directory.")
    Path stateDir;

    @Option(names = "--listen", defaultValue = "127.0.0.1:15012", converter = SocketAddressConverter.class, paramLabel = "HOST:PORT",
            description = "Address to serve on (default: ${DEFAULT-VALUE}, istiod's CA port; port 0 picks one).")
    InetSocketAddress listen;

    @Option(names = "--trust-domain", paramLabel = "DOMAIN",
            description = "Trust domain for a new CA (default cluster.local); must match an existing CA's.")
    String trustDomain;

    @Option(names = "--cert-ttl", defaultValue = "24h", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Lifetime of workload certificates when the caller does not ask (default: ${DEFAULT-VALUE}).")
    Duration certTtl;

    @Option(names = "--max-cert-ttl", defaultValue = "90d", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Longest lifetime the CA issues; longer requests are refused (default: ${DEFAULT-VALUE}).")
    Duration maxCertTtl;

    @Override
    public Integer call() {
        return CommandFailure.run(spec, () -> {
            IssuancePolicy policy;
            try {
                policy = new IssuancePolicy(certTtl, maxCertTtl);
            } catch (IllegalArgumentException e) {
                throw CommandFailure.badInput(e.getMessage());
            }
            Serving serving = Serving.start(new CaDirectory(stateDir), Optional.ofNullable(trustDomain), policy, listen, Clock.systemUTC());
            Runtime.getRuntime().addShutdownHook(new Thread(serving::close, "tollgate-ca-shutdown"));
            PrintWriter out = spec.commandLine().getOut();
            out.println("serving " + CertificateService.SERVICE_NAME + " on " + hostPort(serving.server.address())
                    + " (trust domain " + serving.endpoint.authority().trustDomain() + ", root " + Fingerprint.of(serving.endpoint.authority().root()) + ")");
            out.flush();
            try {
                serving.server.awaitTermination();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        });
    }

    private static String hostPort(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    /** The running service and what it owns, closed in reverse order of start. */
    static final class Serving implements AutoCloseable {
        final SigningServer server;
        final CaEndpoint endpoint;
        private final ScheduledExecutorService scheduler;

        private Serving(SigningServer server, CaEndpoint endpoint, ScheduledExecutorService scheduler) {
            this.server = server;
            this.endpoint = endpoint;
            this.scheduler = scheduler;
        }

        static Serving start(CaDirectory directory, Optional<String> trustDomain, IssuancePolicy policy, InetSocketAddress listen, Clock clock)
                throws CommandFailure {
            ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "tollgate-ca-rotation");
                thread.setDaemon(true);
                return thread;
            });
            CaEndpoint endpoint = null;
            try {
                String domain = trustDomain.isPresent() ? trustDomain.get() : directory.trustDomain().orElse("cluster.local");
                CertificateAuthority ca = CertificateAuthority.initialize(directory, domain, Optional.empty(), policy, clock);
                JoinTokens tokens = JoinTokens.open(directory, Fingerprint.of(ca.root()), clock);
                endpoint = CaEndpoint.open(ca, tokens, clock, Scheduler.of(scheduler));
                SigningServer server = SigningServer.start(listen, endpoint.serverTls(), List.of(endpoint.service()));
                return new Serving(server, endpoint, scheduler);
            } catch (CredentialException e) {
                shutdown(endpoint, scheduler);
                throw CommandFailure.badInput(e.getMessage());
            } catch (IOException e) {
                shutdown(endpoint, scheduler);
                throw new CommandFailure(CommandFailure.FAILED, "cannot serve on " + listen + ": " + e.getMessage());
            }
        }

        private static void shutdown(CaEndpoint endpoint, ScheduledExecutorService scheduler) {
            if (endpoint != null) {
                endpoint.close();
            }
            scheduler.shutdownNow();
        }

        @Override
        public void close() {
            try {
                server.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            shutdown(endpoint, scheduler);
        }
    }
}
