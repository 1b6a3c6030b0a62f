package io.tollgate.policy.authz;

import io.tollgate.testkit.SeededProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The matchers that stand in for Istio's regular expressions must agree with those expressions. Envoy runs them with
 * RE2: a full match, {@code .} not matching a line feed, {@code [^/]} matching it. Java's regex with
 * {@link Pattern#UNIX_LINES} has the same meaning for these patterns, so it serves as the oracle.
 */
class StringMatchTest {
    private static final String ALPHABET = "ans/*\n.-";
    private static final String WORD_ALPHABET = "ans/.";
    private static final List<String> URIS = List.of("spiffe://td/ns/a/sa/s", "spiffe://td/ns/ns/sa/a",
            "spiffe://t/ns/a/x/sa/s/y", "spiffe://td/ns/a/sa/s/", "spiffe:///ns/a/sa/s", "spiffe://td/ns/a/sa/s\n");
    // Empty, a lone line feed (which '.' must not match), the bare scheme, every character at once, the URIs above.
    private static final List<String> EDGE_SUBJECTS = concat(List.of("", "\n", "spiffe://", "spiffe://\n", ALPHABET), URIS);
    private static final List<String> EDGE_WORDS = List.of("", "a", "s", "/", ".");

    private record GlobCase(String first, String middle, String last, String subject) {
        @Override
        public String toString() {
            return "glob " + show(first) + ", " + show(middle) + ", " + show(last) + " on " + show(subject);
        }
    }

    private record PairCase(String one, String two, String subject) {
        @Override
        public String toString() {
            return show(one) + ", " + show(two) + " on " + show(subject);
        }
    }

    private static String subject(SplittableRandom random) {
        return switch (random.nextInt(3)) {
            case 0 -> string(random, ALPHABET, 14);
            case 1 -> "spiffe://" + string(random, ALPHABET, 10);
            default -> SeededProperty.oneOf(random, URIS);
        };
    }

    private static String word(SplittableRandom random) {
        return string(random, WORD_ALPHABET, 3);
    }

    private static String string(SplittableRandom random, String alphabet, int maxLength) {
        return IntStream.range(0, random.nextInt(maxLength + 1))
                .mapToObj(i -> String.valueOf(alphabet.charAt(random.nextInt(alphabet.length()))))
                .collect(Collectors.joining());
    }

    @Test
    void globAgreesWithItsRegex() {
        List<GlobCase> edges = new ArrayList<>();
        for (String subject : EDGE_SUBJECTS) {
            EDGE_WORDS.forEach(w -> edges.add(new GlobCase(w, w, w, subject)));
            edges.add(new GlobCase("a", "", "s", subject));
        }
        SeededProperty.check(3000, edges, r -> new GlobCase(word(r), word(r), word(r), subject(r)), c -> {
            List<String> literals = c.middle().isEmpty()
                    ? List.of(c.first(), c.last()) : List.of(c.first(), c.middle(), c.last());
            String regex = literals.stream().map(Pattern::quote).collect(Collectors.joining(".*"));

            assertThat(new StringMatch.Glob(literals).matches(c.subject())).isEqualTo(oracle(regex, c.subject()));
        });
    }

    @Test
    void serviceAccountAgreesWithIstioRegex() {
        SeededProperty.check(3000, pairEdges(), r -> new PairCase(word(r), word(r), subject(r)), c -> {
            String regex = "spiffe://.+/ns/" + Pattern.quote(c.one()) + "/(.+/|)sa/" + Pattern.quote(c.two()) + "(/.+)?";

            assertThat(new StringMatch.SpiffeServiceAccount(c.one(), c.two()).matches(c.subject()))
                    .isEqualTo(oracle(regex, c.subject()));
        });
    }

    @Test
    void trustDomainAgreesWithIstioRegex() {
        SeededProperty.check(3000, pairEdges(), r -> new PairCase(word(r), word(r), subject(r)), c -> {
            String regex = "spiffe://" + Pattern.quote(c.one()) + "[^/]*" + Pattern.quote(c.two()) + "/.*";

            assertThat(new StringMatch.SpiffeTrustDomain(c.one(), c.two()).matches(c.subject()))
                    .isEqualTo(oracle(regex, c.subject()));
        });
    }

    @Test
    void nonEmptyAgreesWithDotPlus() {
        SeededProperty.check(500, EDGE_SUBJECTS, StringMatchTest::subject,
                subject -> assertThat(new StringMatch.NonEmpty().matches(subject)).as(show(subject))
                        .isEqualTo(oracle(".+", subject)));
    }

    /** Every pair of edge words on every edge subject. */
    private static List<PairCase> pairEdges() {
        List<PairCase> edges = new ArrayList<>();
        for (String subject : EDGE_SUBJECTS) {
            for (String one : EDGE_WORDS) {
                EDGE_WORDS.forEach(two -> edges.add(new PairCase(one, two, subject)));
            }
        }
        return edges;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /** Quoted, with the line feed visible, so a failing input can be pasted back. */
    private static String show(String s) {
        return "\"" + s.replace("\n", "\\n") + "\"";
    }

    private static boolean oracle(String regex, String subject) {
        return Pattern.compile(regex, Pattern.UNIX_LINES).matcher(subject).matches();
    }

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
            "spiffe://td/ns/a/sa/s, a, s, true",
            "spiffe://td/ns/a/sa/s/extra, a, s, true",
            "spiffe://td/ns/a/team/x/sa/s, a, s, true",
            "spiffe://td/ns/a/sa/s-junk, a, s, false",
            "spiffe://td/ns/b/sa/s, a, s, false",
            "spiffe:///ns/a/sa/s, a, s, false",
    })
    void serviceAccountExamples(String uri, String namespace, String account, boolean expected) {
        assertThat(new StringMatch.SpiffeServiceAccount(namespace, account).matches(uri)).isEqualTo(expected);
    }
}
