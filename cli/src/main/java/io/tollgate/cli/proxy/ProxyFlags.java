package io.tollgate.cli.proxy;

import io.netty.util.ResourceLeakDetector;
import io.tollgate.cli.DurationConverter;
import io.tollgate.cli.SocketAddressConverter;
import io.tollgate.dataplane.observe.AccessLog;
import io.tollgate.dataplane.observe.AdminServer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The flags both {@code tollgate gateway} and {@code tollgate sidecar} take (a picocli mixin). */
final class ProxyFlags {
    @Option(names = "--control-plane", required = true, converter = SocketAddressConverter.class, paramLabel = "HOST:PORT",
            description = "The control plane (certificates and configuration).")
    InetSocketAddress controlPlane;

    @ArgGroup(exclusive = true, multiplicity = "1")
    TokenSource token;

    static final class TokenSource {
        @Option(names = "--token", paramLabel = "TOKEN", description = "A join token for this workload (visible in the process list).")
        String value;

        @Option(names = "--token-file", paramLabel = "FILE", description = "A file holding the join token.")
        Path file;
    }

    @Option(names = "--namespace", required = true, paramLabel = "NS", description = "The workload's namespace.")
    String namespace;

    @Option(names = "--service-account", required = true, paramLabel = "SA", description = "The workload's service account.")
    String serviceAccount;

    @Option(names = "--label", paramLabel = "KEY=VALUE", description = "A label of the workload (repeatable).")
    Map<String, String> labels = new LinkedHashMap<>();

    @Option(names = "--admin", converter = SocketAddressConverter.class, paramLabel = "HOST:PORT",
            description = "Where to serve /metrics and /ready (default: a free port on 127.0.0.1, printed at start).")
    InetSocketAddress admin = AdminServer.loopbackEphemeral();

    @Option(names = "--access-log", paramLabel = "FILE", defaultValue = "-",
            description = {"Where to write one JSON line per connection; '-' is standard output (default),",
                    "'" + ACCESS_LOG_OFF + "' writes none (a file of that name: ./" + ACCESS_LOG_OFF + ")."})
    String accessLog;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "2",
            description = "Event-loop threads of the data path (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--connect-timeout", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "How long to wait for an upstream TCP connect (default: ${DEFAULT-VALUE}, Envoy's).")
    Duration connectTimeout;

    @Option(names = "--idle-timeout", paramLabel = "DURATION", defaultValue = "1h", converter = DurationConverter.class,
            description = "Close a connection with no bytes either way for this long (default: ${DEFAULT-VALUE}, Envoy's TCP proxy).")
    Duration idleTimeout;

    @Option(names = "--handshake-timeout", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "Give up a mesh TLS handshake after this long (default: ${DEFAULT-VALUE}).")
    Duration handshakeTimeout;

    @Option(names = "--drain", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
            description = "On SIGTERM, let open connections finish for this long before closing them (default: ${DEFAULT-VALUE}).")
    Duration drain;

    @Option(names = "--tunnels", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Carry connections to gateways as streams of shared mTLS tunnels (HTTP/2 CONNECT, as Istio's"
                    + " HBONE; default), or with --no-tunnels one TLS connection each. A gateway with --no-tunnels takes"
                    + " none; sidecars then fall back to a connection each.")
    boolean tunnels;

    static final String ACCESS_LOG_OFF = "off";

    /** The token's text, from the flag or the file. */
    String tokenText() throws AgentStartException {
        if (token.value != null) {
            return token.value.strip();
        }
        try {
            return Files.readString(token.file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new AgentStartException(AgentStartException.Kind.BAD_INPUT, token.file + ": cannot read the token: " + e);
        }
    }

    /**
     * Turns Netty's buffer leak detector off unless {@code -Dio.netty.leakDetection.level} asks for a level: at its
     * default it samples one buffer in 128 and records a stack trace at every touch and release of those, which
     * showed as the proxy's largest source of garbage under load. The data plane's release discipline is what the
     * tests check with the detector on (they run with Netty's default).
     */
    static void leakDetectionOffByDefault() {
        if (System.getProperty("io.netty.leakDetection.level") == null) {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
    }

    /** The limits the flags ask for, on top of the defaults. */
    ProxyLimits limits() throws AgentStartException {
        if (threads < 1) {
            throw new AgentStartException(AgentStartException.Kind.BAD_INPUT, "--threads: must be at least 1, got " + threads);
        }
        return new ProxyLimits(connectTimeout, idleTimeout, handshakeTimeout, drain, ProxyLimits.DEFAULTS.firstConfig(),
                threads, tunnels);
    }

    /**
     * A writer for the access log, {@code out} for '-', none for {@value #ACCESS_LOG_OFF}; the caller closes a
     * file's after the proxy stops.
     */
    Optional<Writer> accessLogWriter(PrintWriter out) throws AgentStartException {
        if (accessLog.equals(ACCESS_LOG_OFF)) {
            return Optional.empty();
        }
        if (accessLog.equals("-")) {
            return Optional.of(out);
        }
        try {
            return Optional.of(Files.newBufferedWriter(Path.of(accessLog), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw new AgentStartException(AgentStartException.Kind.BAD_INPUT, accessLog + ": cannot open the access log: " + e);
        }
    }

    /** Where the access log goes: the writer, or nowhere. */
    static AccessLog accessLog(Optional<Writer> writer) {
        return writer.map(AccessLog::to).orElseGet(AccessLog::discard);
    }

    /** Closes the access log file, never the command's own output. */
    void closeAccessLog(Optional<Writer> log, PrintWriter out) throws IOException {
        if (log.isPresent() && log.get() != out) {
            log.get().close();
        }
    }
}
