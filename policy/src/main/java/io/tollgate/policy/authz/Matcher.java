package io.tollgate.policy.authz;

import java.util.List;

/**
 * The compiled form of an AuthorizationPolicy rule: a small boolean algebra over one {@link Connection}, mirroring
 * the Envoy RBAC permissions and principals that Istio generates for a TCP filter chain. Immutable and shared by
 * every thread; {@link #matches} does not allocate.
 */
public sealed interface Matcher {
    Matcher ANY = new Any();
    Matcher NEVER = new Not(ANY);

    /** Envoy {@code any: true}. */
    record Any() implements Matcher {
    }

    /** Every child matches; an empty list matches. */
    record And(List<Matcher> all) implements Matcher {
        public And {
            all = List.copyOf(all);
        }
    }

    /** At least one child matches; an empty list does not. */
    record Or(List<Matcher> any) implements Matcher {
        public Or {
            any = List.copyOf(any);
        }
    }

    record Not(Matcher negated) implements Matcher {
    }

    /**
     * Envoy's {@code authenticated.principal_name}: the peer presented a verified certificate whose URI SAN matches.
     * Always false for a plaintext peer, which is why a {@code Not} of it is true for plaintext.
     */
    record PeerUri(StringMatch uri) implements Matcher {
    }

    /** Envoy {@code direct_remote_ip}. */
    record SourceIp(Cidr block) implements Matcher {
    }

    /** Envoy {@code remote_ip}. */
    record RemoteIp(Cidr block) implements Matcher {
    }

    /** Envoy {@code destination_ip}. */
    record DestinationIp(Cidr block) implements Matcher {
    }

    /** Envoy {@code destination_port}. */
    record DestinationPort(int port) implements Matcher {
    }

    /** Envoy {@code requested_server_name}: the SNI, empty when absent. */
    record ServerName(StringMatch name) implements Matcher {
    }

    default boolean matches(Connection c) {
        return switch (this) {
            case Any() -> true;
            case And(List<Matcher> all) -> {
                for (int i = 0; i < all.size(); i++) {
                    if (!all.get(i).matches(c)) {
                        yield false;
                    }
                }
                yield true;
            }
            case Or(List<Matcher> any) -> {
                for (int i = 0; i < any.size(); i++) {
                    if (any.get(i).matches(c)) {
                        yield true;
                    }
                }
                yield false;
            }
            case Not(Matcher negated) -> !negated.matches(c);
            case PeerUri(StringMatch uri) -> c.peer() instanceof Peer.Mtls(String san) && uri.matches(san);
            case SourceIp(Cidr block) -> block.contains(c.sourceIp());
            case RemoteIp(Cidr block) -> block.contains(c.remoteIp());
            case DestinationIp(Cidr block) -> block.contains(c.destinationIp());
            case DestinationPort(int port) -> c.destinationPort() == port;
            case ServerName(StringMatch name) -> name.matches(c.serverName());
        };
    }

    /** {@code And} of the children, dropping {@code Any} and collapsing a single child. */
    static Matcher allOf(List<Matcher> children) {
        List<Matcher> kept = children.stream().filter(m -> !(m instanceof Any)).toList();
        return switch (kept.size()) {
            case 0 -> ANY;
            case 1 -> kept.getFirst();
            default -> new And(kept);
        };
    }

    /** {@code Or} of the children, collapsing a single child; an empty list never matches. */
    static Matcher anyOf(List<Matcher> children) {
        if (children.stream().anyMatch(m -> m instanceof Any)) {
            return ANY;
        }
        return children.size() == 1 ? children.getFirst() : new Or(children);
    }
}
