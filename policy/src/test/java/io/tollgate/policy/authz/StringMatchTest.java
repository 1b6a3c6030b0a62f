package io.tollgate.policy.authz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The matchers that stand in for Istio's regular expressions must agree with those expressions. Envoy runs them with
 * RE2: a full match, {@code .} not matching a line feed, {@code [^/]} matching it. Java's regex with
 * {@link Pattern#UNIX_LINES} has the same meaning for these patterns, so it serves as the oracle.
 */
class StringMatchTest {
    private static final String ALPHABET = "ans/*\n.-";

    @Provide
    Arbitrary<String> subjects() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars(ALPHABET.toCharArray()).ofMaxLength(14),
                Arbitraries.strings().withChars(ALPHABET.toCharArray()).ofMaxLength(10).map(s -> "spiffe://" + s),
                Arbitraries.of("spiffe://td/ns/a/sa/s", "spiffe://td/ns/ns/sa/a", "spiffe://t/ns/a/x/sa/s/y",
                        "spiffe://td/ns/a/sa/s/", "spiffe:///ns/a/sa/s", "spiffe://td/ns/a/sa/s\n"));
    }

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.strings().withChars("ans/.".toCharArray()).ofMaxLength(3);
    }

    @Property(tries = 3000)
    void globAgreesWithItsRegex(@ForAll("words") String first, @ForAll("words") String middle,
                                @ForAll("words") String last, @ForAll("subjects") String subject) {
        List<String> literals = middle.isEmpty() ? List.of(first, last) : List.of(first, middle, last);
        String regex = literals.stream().map(Pattern::quote).collect(Collectors.joining(".*"));

        assertThat(new StringMatch.Glob(literals).matches(subject)).isEqualTo(oracle(regex, subject));
    }

    @Property(tries = 3000)
    void serviceAccountAgreesWithIstioRegex(@ForAll("words") String namespace, @ForAll("words") String account,
                                            @ForAll("subjects") String subject) {
        String regex = "spiffe://.+/ns/" + Pattern.quote(namespace) + "/(.+/|)sa/" + Pattern.quote(account) + "(/.+)?";

        assertThat(new StringMatch.SpiffeServiceAccount(namespace, account).matches(subject))
                .isEqualTo(oracle(regex, subject));
    }

    @Property(tries = 3000)
    void trustDomainAgreesWithIstioRegex(@ForAll("words") String before, @ForAll("words") String after,
                                         @ForAll("subjects") String subject) {
        String regex = "spiffe://" + Pattern.quote(before) + "[^/]*" + Pattern.quote(after) + "/.*";

        assertThat(new StringMatch.SpiffeTrustDomain(before, after).matches(subject)).isEqualTo(oracle(regex, subject));
    }

    @Property(tries = 500)
    void nonEmptyAgreesWithDotPlus(@ForAll("subjects") String subject) {
        assertThat(new StringMatch.NonEmpty().matches(subject)).isEqualTo(oracle(".+", subject));
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
