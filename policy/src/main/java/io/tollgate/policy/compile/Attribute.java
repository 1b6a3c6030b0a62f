package io.tollgate.policy.compile;

import io.tollgate.policy.authz.Cidr;
import io.tollgate.policy.authz.Matcher;
import io.tollgate.policy.authz.StringMatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every attribute an AuthorizationPolicy can test, and how one of its values becomes a {@link Matcher} on a TCP
 * filter chain: the counterpart of Istio's generators ({@code pilot/pkg/security/authz/model/generator.go}).
 * A value either compiles or fails; a failure is handled by {@link RuleCompiler} as Istio's {@code checkError} does.
 */
enum Attribute {
    SOURCE_IP("source.ip", "source ip", Side.SOURCE),
    REMOTE_IP("remote.ip", "remote ip", Side.SOURCE),
    SOURCE_NAMESPACE("source.namespace", "source namespace", Side.SOURCE),
    SOURCE_PRINCIPAL("source.principal", "source principal", Side.SOURCE),
    SOURCE_SERVICE_ACCOUNT("source.serviceAccount", "source service account", Side.SOURCE),
    SOURCE_TRUST_DOMAIN("source.trustDomain", "source trust domain", Side.SOURCE),
    DESTINATION_IP("destination.ip", "destination ip", Side.DESTINATION),
    DESTINATION_PORT("destination.port", "destination port", Side.DESTINATION),
    CONNECTION_SNI("connection.sni", "SNI", Side.DESTINATION),
    ENVOY_FILTER_METADATA("experimental.envoy.filters.", "Envoy filter metadata", Side.DESTINATION),
    REQUEST_PRINCIPAL("request.auth.principal", "request principal", Side.SOURCE),
    REQUEST_AUDIENCES("request.auth.audiences", "request audience", Side.SOURCE),
    REQUEST_PRESENTER("request.auth.presenter", "request presenter", Side.SOURCE),
    REQUEST_HEADER("request.headers", "request header", Side.SOURCE),
    REQUEST_CLAIM("request.auth.claims", "request claim", Side.SOURCE),
    HOST("hosts", "host", Side.DESTINATION),
    METHOD("methods", "method", Side.DESTINATION),
    PATH("paths", "path", Side.DESTINATION);

    /** Whether Istio folds a {@code when} condition on this attribute into the rule's principals or permissions. */
    enum Side { SOURCE, DESTINATION }

    /** What one value became. */
    sealed interface Result {
    }

    record Compiled(Matcher matcher) implements Result {
    }

    /** Istio's generator returned an error. */
    record Failed(String problem, Cause cause) implements Result {
    }

    /** HTTP-only attributes on TCP are the common, documented case; an invalid value only gets here unvalidated. */
    enum Cause { HTTP_ONLY, INVALID_VALUE }

    private final String key;
    private final String words;
    private final Side side;

    Attribute(String key, String words, Side side) {
        this.key = key;
        this.words = words;
        this.side = side;
    }

    String words() {
        return words;
    }

    Side side() {
        return side;
    }

    /** The attribute a {@code when} key names, routed as Istio's {@code model.New} does; empty for an unknown key. */
    static Optional<Attribute> ofConditionKey(String conditionKey) {
        for (Attribute exact : List.of(DESTINATION_IP, DESTINATION_PORT, CONNECTION_SNI, SOURCE_IP, REMOTE_IP,
                SOURCE_NAMESPACE, SOURCE_TRUST_DOMAIN, SOURCE_SERVICE_ACCOUNT, SOURCE_PRINCIPAL, REQUEST_PRINCIPAL,
                REQUEST_AUDIENCES, REQUEST_PRESENTER)) {
            if (conditionKey.equals(exact.key)) {
                return Optional.of(exact);
            }
        }
        for (Attribute byPrefix : List.of(ENVOY_FILTER_METADATA, REQUEST_HEADER, REQUEST_CLAIM)) {
            if (conditionKey.startsWith(byPrefix.key)) {
                return Optional.of(byPrefix);
            }
        }
        return Optional.empty();
    }

    /**
     * Compiles one value for a TCP filter chain.
     *
     * @param conditionKey    the full {@code when} key (for bracketed keys), or this attribute's field name
     * @param policyNamespace the namespace a bare {@code serviceAccounts} value refers to
     */
    Result compile(String conditionKey, String value, String policyNamespace) {
        return switch (this) {
            case SOURCE_IP -> cidr(value, Matcher.SourceIp::new);
            case REMOTE_IP -> cidr(value, Matcher.RemoteIp::new);
            case DESTINATION_IP -> cidr(value, Matcher.DestinationIp::new);
            case DESTINATION_PORT -> port(value);
            case CONNECTION_SNI -> new Compiled(new Matcher.ServerName(withPrefix(value, "")));
            case SOURCE_PRINCIPAL -> new Compiled(new Matcher.PeerUri(withPrefix(value, StringMatch.SPIFFE)));
            case SOURCE_NAMESPACE -> new Compiled(new Matcher.PeerUri(namespace(value)));
            case SOURCE_SERVICE_ACCOUNT -> new Compiled(new Matcher.PeerUri(serviceAccount(value, policyNamespace)));
            case SOURCE_TRUST_DOMAIN -> new Compiled(new Matcher.PeerUri(trustDomain(value)));
            case ENVOY_FILTER_METADATA -> envoyFilter(conditionKey);
            case REQUEST_PRINCIPAL, REQUEST_AUDIENCES, REQUEST_PRESENTER, REQUEST_HEADER, REQUEST_CLAIM, HOST, METHOD, PATH ->
                    new Failed(conditionKey + " is HTTP only", Cause.HTTP_ONLY);
        };
    }

    private static Result cidr(String value, Function<Cidr, Matcher> toMatcher) {
        try {
            return new Compiled(toMatcher.apply(Cidr.parse(value)));
        } catch (IllegalArgumentException e) {
            return new Failed("invalid IP address or CIDR '" + value + "': " + e.getMessage(), Cause.INVALID_VALUE);
        }
    }

    /** Go's {@code strconv.ParseUint(v, 10, 32)} and at most 65535, as Istio's {@code convertToPort}. */
    private static Result port(String value) {
        if (value.isEmpty() || value.length() > 10 || !value.chars().allMatch(c -> c >= '0' && c <= '9')
                || Long.parseLong(value) > 65535) {
            return new Failed("invalid port '" + value + "'", Cause.INVALID_VALUE);
        }
        return new Compiled(new Matcher.DestinationPort(Integer.parseInt(value)));
    }

    /**
     * Istio's {@code StringMatcherWithPrefix}: {@code *} is the regex {@code .+}; {@code *abc} a suffix (or, with a
     * prefix to add, the regex {@code PREFIX.*abc}); {@code abc*} a prefix; anything else exact. A {@code *} in the
     * middle is a literal character.
     */
    static StringMatch withPrefix(String value, String prefix) {
        if (value.equals("*")) {
            return new StringMatch.NonEmpty();
        }
        if (value.startsWith("*")) {
            return prefix.isEmpty() ? new StringMatch.Suffix(value.substring(1))
                    : new StringMatch.Glob(List.of(prefix, value.substring(1)));
        }
        if (value.endsWith("*")) {
            return new StringMatch.Prefix(prefix + value.substring(0, value.length() - 1));
        }
        return new StringMatch.Exact(prefix + value);
    }

    /**
     * Istio matches a namespace with the regex {@code .*}/ns/NS/{@code .*} over the peer's URI, each {@code *} in NS
     * becoming {@code .*}. Reproduced as is, including that {@code *} can span {@code /}: {@code *a} matches the
     * principal {@code td/ns/foo/sa/bar}, because {@code foo/sa} ends in {@code a}.
     */
    private static StringMatch namespace(String value) {
        String[] parts = value.split("\\*", -1);
        List<String> literals = new ArrayList<>();
        literals.add("");
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i == 0) {
                part = "/ns/" + part;
            }
            if (i == parts.length - 1) {
                part = part + "/";
            }
            literals.add(part);
        }
        literals.add("");
        return new StringMatch.Glob(literals);
    }

    /** {@code NS/SA}, or a bare {@code SA} in the policy's own namespace (Istio {@code serviceAccountRegex}). */
    private static StringMatch serviceAccount(String value, String policyNamespace) {
        int slash = value.indexOf('/');
        return slash < 0 ? new StringMatch.SpiffeServiceAccount(policyNamespace, value)
                : new StringMatch.SpiffeServiceAccount(value.substring(0, slash), value.substring(slash + 1));
    }

    private static StringMatch trustDomain(String value) {
        if (value.equals("*")) {
            return new StringMatch.Prefix(StringMatch.SPIFFE);
        }
        int star = value.indexOf('*');
        if (star < 0) {
            return new StringMatch.Prefix(StringMatch.SPIFFE + value + "/");
        }
        return new StringMatch.SpiffeTrustDomain(value.substring(0, star), value.substring(star + 1));
    }

    /**
     * {@code experimental.envoy.filters.NAME[KEY]} tests Envoy dynamic metadata. Istio generates a metadata matcher
     * even for TCP; a Tollgate connection carries no Envoy filter metadata, so a value never matches (and a
     * {@code notValues} entry always does), which is what that matcher does on a connection without the metadata.
     */
    private static Result envoyFilter(String conditionKey) {
        String trimmed = conditionKey.substring("experimental.".length());
        if (trimmed.endsWith("]")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.indexOf('[') < 0) {
            return new Failed("invalid key " + conditionKey, Cause.INVALID_VALUE);
        }
        return new Compiled(Matcher.NEVER);
    }
}
