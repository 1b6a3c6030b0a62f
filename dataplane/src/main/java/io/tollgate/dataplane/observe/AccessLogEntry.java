package io.tollgate.dataplane.observe;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Everything known about one finished connection; written once, when it closes.
 *
 * @param connectionId    a number unique within this proxy process
 * @param sourceAddress   the downstream peer, {@code ip:port}
 * @param localAddress    the listener address the connection arrived on
 * @param sourcePrincipal the peer's SPIFFE ID, when it presented one
 * @param serverName      the TLS SNI the peer sent
 * @param destination     the routed destination service {@code host:port}
 * @param upstreamAddress the address actually dialed
 * @param bytesReceived   application bytes read from the downstream
 * @param bytesSent       application bytes read from the upstream and relayed downstream
 * @param decision        the authorization outcome, {@code allow} or {@code deny}, when one was taken
 * @param policy          the deciding policy {@code ns/name}, when one decided
 * @param termination     one sentence on why the connection ended
 */
public record AccessLogEntry(long connectionId, Instant start, Duration duration, String sourceAddress,
                             String localAddress, Optional<String> sourcePrincipal, Optional<String> serverName,
                             Optional<String> destination, Optional<String> upstreamAddress, long bytesReceived,
                             long bytesSent, Optional<String> decision, Optional<String> policy,
                             ResponseFlag responseFlag, String termination) {
}
