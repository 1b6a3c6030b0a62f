package io.tollgate.cli.proxy;

import picocli.CommandLine;

import java.net.InetAddress;

/** Reads an IP address literal; a host name is refused rather than looked up. */
public final class IpLiteralConverter implements CommandLine.ITypeConverter<InetAddress> {
    @Override
    public InetAddress convert(String value) {
        try {
            return InetAddress.ofLiteral(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not an IP address");
        }
    }
}
