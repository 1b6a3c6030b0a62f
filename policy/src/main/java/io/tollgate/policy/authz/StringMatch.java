package io.tollgate.policy.authz;

import java.util.List;

/**
 * The string tests Istio generates for Envoy, each reproduced without regular expressions so that matching never
 * allocates. Where Istio generates a regular expression (RE2, full match, {@code .} not matching a line feed), the
 * variant says which one it stands for and keeps its exact meaning, quirks included.
 */
public sealed interface StringMatch {
    String SPIFFE = "spiffe://";

    /** Envoy {@code exact}. */
    record Exact(String value) implements StringMatch {
    }

    /** Envoy {@code prefix}. */
    record Prefix(String prefix) implements StringMatch {
    }

    /** Envoy {@code suffix}. */
    record Suffix(String suffix) implements StringMatch {
    }

    /** Istio's presence match {@code *}, generated as the regex {@code .+}. */
    record NonEmpty() implements StringMatch {
    }

    /**
     * The regex {@code L0.*L1.*...Ln} over quoted literals: what Istio generates for {@code namespaces}
     * ({@code .*}/ns/NS/{@code .*}, with each {@code *} in NS a {@code .*}) and for a suffix principal
     * ({@code spiffe://.*SUFFIX}). At least two literals; the first and last may be empty.
     */
    record Glob(List<String> literals) implements StringMatch {
        public Glob {
            literals = List.copyOf(literals);
            if (literals.size() < 2) {
                throw new IllegalArgumentException("a glob has at least two literals around one wildcard");
            }
        }
    }

    /** The regex {@code spiffe://BEFORE[^/]*AFTER/.*}: a {@code source.trustDomain} value with a {@code *}. */
    record SpiffeTrustDomain(String before, String after) implements StringMatch {
    }

    /**
     * The regex {@code spiffe://.+/ns/NS/(.+/|)sa/SA(/.+)?}: a {@code serviceAccounts} value {@code NS/SA}
     * (Istio 1.24+), with NS and SA literal.
     */
    record SpiffeServiceAccount(String namespace, String serviceAccount) implements StringMatch {
    }

    default boolean matches(String s) {
        return switch (this) {
            case Exact(String value) -> s.equals(value);
            case Prefix(String prefix) -> s.startsWith(prefix);
            case Suffix(String suffix) -> s.endsWith(suffix);
            case NonEmpty() -> !s.isEmpty() && s.indexOf('\n') < 0;
            case Glob(List<String> literals) -> glob(literals, s);
            case SpiffeTrustDomain(String before, String after) -> trustDomain(before, after, s);
            case SpiffeServiceAccount(String namespace, String account) -> serviceAccount(namespace, account, s);
        };
    }

    // Leftmost matching of each middle literal is enough for a pattern whose only operator is ".*": an earlier
    // occurrence leaves more room for the rest, and a line feed in a gap would also be in any later gap. So the
    // line-feed rule only needs checking, in a second pass, when the first pass matched and there is a line feed.
    private static boolean glob(List<String> literals, String s) {
        return globPass(literals, s, Gaps.ANY) && (s.indexOf('\n') < 0 || globPass(literals, s, Gaps.NO_LINE_FEED));
    }

    private static boolean globPass(List<String> literals, String s, Gaps gaps) {
        String first = literals.getFirst();
        String last = literals.getLast();
        int end = s.length() - last.length();
        if (end < first.length() || !s.startsWith(first) || !s.endsWith(last)) {
            return false;
        }
        int position = first.length();
        for (int i = 1; i < literals.size() - 1; i++) {
            String literal = literals.get(i);
            int at = s.indexOf(literal, position);
            if (at < 0 || at + literal.length() > end || (gaps == Gaps.NO_LINE_FEED && hasLineFeed(s, position, at))) {
                return false;
            }
            position = at + literal.length();
        }
        return gaps == Gaps.ANY || !hasLineFeed(s, position, end);
    }

    /** What the text between two literals of a glob may hold. */
    enum Gaps { ANY, NO_LINE_FEED }

    private static boolean trustDomain(String before, String after, String s) {
        if (!s.startsWith(SPIFFE) || !s.startsWith(before, SPIFFE.length())) {
            return false;
        }
        int start = SPIFFE.length() + before.length();
        int firstSlash = s.indexOf('/', start);
        int limit = firstSlash < 0 ? s.length() : firstSlash;
        for (int at = start; at <= limit; at++) {
            int slash = at + after.length();
            if (s.startsWith(after, at) && slash < s.length() && s.charAt(slash) == '/'
                    && !hasLineFeed(s, slash + 1, s.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean serviceAccount(String namespace, String account, String s) {
        if (!s.startsWith(SPIFFE)) {
            return false;
        }
        for (int ns = s.indexOf("/ns/", SPIFFE.length() + 1); ns >= 0; ns = s.indexOf("/ns/", ns + 1)) {
            if (hasLineFeed(s, SPIFFE.length(), ns)) {
                return false;
            }
            int rest = ns + 4 + namespace.length();
            if (!s.startsWith(namespace, ns + 4) || rest >= s.length() || s.charAt(rest) != '/') {
                continue;
            }
            rest++;
            for (int sa = s.indexOf("sa/", rest); sa >= 0; sa = s.indexOf("sa/", sa + 1)) {
                boolean head = sa == rest || (sa - rest >= 2 && s.charAt(sa - 1) == '/' && !hasLineFeed(s, rest, sa - 1));
                int end = sa + 3 + account.length();
                if (head && s.startsWith(account, sa + 3) && (end == s.length()
                        || (s.charAt(end) == '/' && end + 1 < s.length() && !hasLineFeed(s, end + 1, s.length())))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasLineFeed(String s, int from, int to) {
        int at = s.indexOf('\n', from);
        return at >= 0 && at < to;
    }
}
