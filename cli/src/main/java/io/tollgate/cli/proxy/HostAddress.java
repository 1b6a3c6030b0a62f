package io.tollgate.cli.proxy;

import io.tollgate.policy.route.Hostname;
import picocli.CommandLine;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code HOST=IP}, as {@code --resolve} and {@code --bind} take it: a DNS name and an IP literal (never looked
 * up: a flag that maps a name must not itself depend on DNS).
 */
record HostAddress(Hostname host, InetAddress address) {

    /** Reads {@code HOST=IP}; picocli reports the message with the flag's name and exits 2. */
    static final class Converter implements CommandLine.ITypeConverter<HostAddress> {
        @Override
        public HostAddress convert(String value) {
            int equals = value.indexOf('=');
            if (equals <= 0 || equals == value.length() - 1) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not HOST=IP");
            }
            Hostname host;
            try {
                host = Hostname.of(value.substring(0, equals));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value + "': " + e.getMessage());
            }
            try {
                return new HostAddress(host, new IpLiteralConverter().convert(value.substring(equals + 1)));
            } catch (CommandLine.TypeConversionException e) {
                throw new CommandLine.TypeConversionException("'" + value + "': " + e.getMessage());
            }
        }
    }

    /** Every address given for each host, in the order given (one host may be named several times). */
    static Map<Hostname, List<InetAddress>> grouped(List<HostAddress> pairs) {
        Map<Hostname, List<InetAddress>> grouped = new LinkedHashMap<>();
        for (HostAddress pair : pairs) {
            grouped.computeIfAbsent(pair.host(), host -> new ArrayList<>()).add(pair.address());
        }
        return grouped;
    }
}
