package io.tollgate.model.validation;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The name, label and address rules are matched by hand (they run for every field of every resource loaded); these
 * tests hold each to the regular expression it replaced, on every short string over an alphabet of the characters
 * that matter and on random longer ones.
 */
class HandMatchersTest {
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?");
    private static final Pattern WILDCARD_LABEL = Pattern.compile("\\*|(?:\\*|\\*-)?[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?");
    private static final Pattern K8S_LABEL = Pattern.compile("[a-z0-9](?:[-a-z0-9]*[a-z0-9])?");
    private static final Pattern K8S_SUBDOMAIN = Pattern.compile(K8S_LABEL.pattern() + "(?:\\." + K8S_LABEL.pattern() + ")*");
    private static final Pattern LABEL_NAME = Pattern.compile("(?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern IPV4 = Pattern.compile(
            "(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

    @Test
    void dnsAndLabelRulesAgreeWithTheirRegularExpressions() {
        for (String s : strings("aZ09-_.*/", 5, "a-b.c.d_e/f*g.Zz9-0.*.x-y.1.2", 60)) {
            assertThat(DnsNames.isLabel(s)).as(s).isEqualTo(s.length() <= 63 && LABEL.matcher(s).matches());
            assertThat(DnsNames.isKubernetesLabel(s)).as(s).isEqualTo(s.length() <= 63 && K8S_LABEL.matcher(s).matches());
            assertThat(DnsNames.isKubernetesSubdomain(s)).as(s)
                    .isEqualTo(s.length() <= 253 && K8S_SUBDOMAIN.matcher(s).matches());
            assertThat(DnsNames.wildcardDomainProblem(s)).as(s).isEqualTo(wildcardDomainProblemByRegex(s));
            assertThat(DnsNames.fqdnProblem(s)).as(s).isEqualTo(fqdnProblemByRegex(s));
            assertThat(LabelRules.valueProblem(s).isPresent()).as(s)
                    .isEqualTo(!s.isEmpty() && (s.length() > 63 || !LABEL_NAME.matcher(s).matches()));
        }
    }

    @Test
    void addressRulesAgreeWithTheirRegularExpressions() {
        for (String s : strings("0125.9/", 6, "255.10.0.199/32", 20)) {
            assertThat(IpAddresses.isIp(s) && !s.contains(":")).as(s).isEqualTo(IPV4.matcher(s).matches());
            int slash = s.indexOf('/');
            if (slash >= 0 && s.indexOf('/', slash + 1) < 0 && IPV4.matcher(s.substring(0, slash)).matches()) {
                String bits = s.substring(slash + 1);
                boolean expected = bits.matches("0|[1-9]\\d{0,2}") && Integer.parseInt(bits) <= 32;
                assertThat(IpAddresses.isCidr(s)).as(s).isEqualTo(expected);
            }
        }
        assertThat(IpAddresses.isCidr("2001:db8::/32")).isTrue();
        assertThat(IpAddresses.isCidr("2001:db8::/129")).isFalse();
        assertThat(IpAddresses.isCidr("2001:db8::/032")).isFalse();
    }

    /** Every string over {@code alphabet} up to {@code shortest} long, then random ones over {@code longer}'s characters. */
    private static List<String> strings(String alphabet, int shortest, String longer, int longest) {
        List<String> out = new ArrayList<>();
        List<String> level = List.of("");
        out.add("");
        for (int length = 1; length <= shortest; length++) {
            List<String> next = new ArrayList<>();
            for (String prefix : level) {
                for (char c : alphabet.toCharArray()) {
                    next.add(prefix + c);
                }
            }
            out.addAll(next);
            level = next;
        }
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder();
            int length = 1 + random.nextInt(longest);
            for (int k = 0; k < length; k++) {
                s.append(longer.charAt(random.nextInt(longer.length())));
            }
            out.add(s.toString());
        }
        return out;
    }

    private static Optional<String> fqdnProblemByRegex(String name) {
        return preconditions(name).or(() -> labelsProblemByRegex(name));
    }

    private static Optional<String> wildcardDomainProblemByRegex(String domain) {
        Optional<String> pre = preconditions(domain);
        if (pre.isPresent()) {
            return pre;
        }
        int dot = domain.indexOf('.');
        String first = dot < 0 ? domain : domain.substring(0, dot);
        if (first.length() > 63 || !WILDCARD_LABEL.matcher(first).matches()) {
            return Optional.of("domain name \"" + domain + "\" invalid (label \"" + first + "\" invalid)");
        }
        return dot < 0 ? Optional.empty() : labelsProblemByRegex(domain.substring(dot + 1))
                .map(p -> p.replace("\"" + domain.substring(dot + 1) + "\"", "\"" + domain + "\""));
    }

    private static Optional<String> preconditions(String name) {
        if (name.length() > 255) {
            return Optional.of("domain name \"" + name + "\" too long (max 255)");
        }
        return name.isEmpty() ? Optional.of("empty domain name not allowed") : Optional.empty();
    }

    private static Optional<String> labelsProblemByRegex(String domain) {
        String[] parts = domain.split("\\.", -1);
        String top = parts[parts.length - 1];
        if (!top.isEmpty() && top.chars().allMatch(Character::isDigit)) {
            return Optional.of("domain name \"" + domain + "\" invalid (top level domain \"" + top + "\" cannot be all-numeric)");
        }
        for (int i = 0; i < parts.length; i++) {
            if (i == parts.length - 1 && parts[i].isEmpty()) {
                return Optional.empty();
            }
            if (parts[i].length() > 63 || !LABEL.matcher(parts[i]).matches()) {
                return Optional.of("domain name \"" + domain + "\" invalid (label \"" + parts[i] + "\" invalid)");
            }
        }
        return Optional.empty();
    }
}
