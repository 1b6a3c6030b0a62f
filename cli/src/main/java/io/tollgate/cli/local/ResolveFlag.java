package io.tollgate.cli.local;

import io.tollgate.policy.route.Hostname;
import picocli.CommandLine;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --resolve HOST=IP}: a fixed answer for a destination host at the gateway, like curl's {@code --resolve}.
 * The IP must be a literal address: the placeholder RDS host is never to be looked up in real DNS.
 */
public record ResolveFlag(Hostname host, InetAddress address) {
    public static final class Converter implements CommandLine.ITypeConverter<ResolveFlag> {
        @Override
        public ResolveFlag convert(String value) {
            int equals = value.indexOf('=');
            if (equals <= 0 || equals == value.length() - 1) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not HOST=IP");
            }
            String ip = value.substring(equals + 1);
            if (!ip.matches("[0-9.]+|[0-9a-fA-F:]*:[0-9a-fA-F:.]*")) {
                throw new CommandLine.TypeConversionException("'" + value + "': '" + ip + "' is not an IP address");
            }
            try {
                return new ResolveFlag(Hostname.of(value.substring(0, equals)), InetAddress.getByName(ip));
            } catch (UnknownHostException | IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value + "': " + e.getMessage());
            }
        }
    }

    /** The flags as the gateway's pinned resolver takes them; a host named twice gets both addresses. */
    public static Map<Hostname, List<InetAddress>> table(List<ResolveFlag> flags) {
        Map<Hostname, List<InetAddress>> table = new LinkedHashMap<>();
        for (ResolveFlag flag : flags) {
            table.merge(flag.host(), List.of(flag.address()),
                    (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
        }
        return table;
    }
}
