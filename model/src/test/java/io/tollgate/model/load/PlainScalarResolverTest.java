package io.tollgate.model.load;

import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written typing of plain scalars agrees with snakeyaml-engine's regex-based core schema on every text. */
class PlainScalarResolverTest {
    private static final ScalarResolver LIBRARY = new CoreScalarResolver(true);
    private static final ScalarResolver OURS = new PlainScalarResolver();

    private static final List<String> SPELLED = List.of("", " ", "~", "null", "Null", "NULL", "nULL", "nul", "true", "True",
            "TRUE", "tRUE", "false", "False", "FALSE", "yes", "on", "0", "-0", "+0", "007", "3306", "-12", "+", "-", "0o17",
            "0o", "0o8", "0x", "0x1F", "0xg", "0X1F", "1.", ".5", ".", "-.5", "1.5e3", "1e3", "1e", "1e+", "1E-7", "1.e5",
            ".e5", ".inf", "-.inf", "+.Inf", ".INF", ".iNF", ".nan", ".NaN", "-.nan", "+.nan", "<<", "<", "<<<",
            "${HOME}", "${ HOME }", "${HOME:-x}", "${HOME-x}", "${HOME?err}", "${}", "$HOME", "12:30", "1_000",
            "3306/TCP", "10.0.0.1", "10.0.0.0/8", "::1", "1e3x", "٣", "1٣", "rm-xxxxxxx.mysql.rds.aliyuncs.com");

    @Test
    void spelledCasesAgree() {
        for (String value : SPELLED) {
            for (boolean implicit : new boolean[]{true, false}) {
                assertThat(OURS.resolve(value, implicit)).as("'%s' implicit=%s", value, implicit)
                        .isEqualTo(LIBRARY.resolve(value, implicit));
            }
        }
    }

    @Test
    void generatedTextsAgree() {
        String alphabet = "0123456789+-.eExXoOabcfnlrstuNFTLIAiS~$<{}:_ ";
        Random random = new Random(3306);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 300_000; i++) {
            StringBuilder value = new StringBuilder();
            int length = random.nextInt(9);
            for (int k = 0; k < length; k++) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            values.add(value.toString());
        }
        List<String> disagreements = values.stream()
                .filter(v -> !OURS.resolve(v, true).equals(LIBRARY.resolve(v, true))).distinct().limit(10).toList();
        assertThat(disagreements).isEmpty();
        // The corpus reaches every tag, so agreement is not agreement on strings alone.
        assertThat(values.stream().map(v -> LIBRARY.resolve(v, true)).distinct())
                .contains(Tag.NULL, Tag.INT, Tag.FLOAT, Tag.STR, Tag.MERGE);
        assertThat(Stream.of("${A}", "${ A:-b }").map(v -> OURS.resolve(v, true))).containsOnly(Tag.ENV_TAG);
    }
}
