package io.tollgate.policy.scope;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExportsTest {

    @ParameterizedTest(name = "{0} exported to [{1}] seen from {2}: {3}")
    @CsvSource(delimiter = ';', value = {
            "db; ; db; true",
            "db; ; app; true",
            "db; *; app; true",
            "db; .; db; true",
            "db; .; app; false",
            "db; ~; db; false",
            "db; ~; app; false",
            "db; app; app; true",
            "db; app; db; false",
            "db; app,.; db; true",
            "db; app,istio-system; istio-system; true",
            "db; app,istio-system; other; false",
    })
    void followsIstiosExportToRules(String owner, String exportTo, String viewer, boolean visible) {
        List<String> entries = exportTo == null ? List.of() : Arrays.asList(exportTo.split(","));
        assertThat(Exports.visible(owner, entries, viewer)).isEqualTo(visible);
    }
}
