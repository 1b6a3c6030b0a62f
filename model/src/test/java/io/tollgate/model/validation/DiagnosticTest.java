package io.tollgate.model.validation;

import io.tollgate.model.SourceLocation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DiagnosticTest {
    private static final SourceLocation AT = new SourceLocation("policies/deny.yaml", 12);

    @Test
    void anErrorReadsFileLineResourceFieldProblem() {
        assertThat(new Diagnostic(Severity.ERROR, AT, "AuthorizationPolicy demo/deny", "spec.rules[0].from[0].source.namespaces[1]",
                "empty value not allowed")).hasToString("policies/deny.yaml:12: AuthorizationPolicy demo/deny: "
                + "spec.rules[0].from[0].source.namespaces[1]: empty value not allowed");
    }

    @Test
    void warningsAndNotesSaySoAfterTheLocation() {
        assertThat(new Diagnostic(Severity.WARNING, AT, "Gateway a/b", "spec", "x")).hasToString("policies/deny.yaml:12: warning: Gateway a/b: spec: x");
        assertThat(new Diagnostic(Severity.NOTE, AT, "Secret s", "", "skipped")).hasToString("policies/deny.yaml:12: note: Secret s: skipped");
    }

    @Test
    void aFileLevelProblemHasNoLineSubjectOrField() {
        assertThat(new Diagnostic(Severity.ERROR, new SourceLocation("x.yaml", 0), "", "", "cannot read: permission denied"))
                .hasToString("x.yaml: cannot read: permission denied");
    }

    @Test
    void fieldPathsBracketKeysThatAreNotIdentifiers() {
        FieldPath labels = FieldPath.of("metadata").field("labels");
        assertThat(labels.field("app").text()).isEqualTo("metadata.labels.app");
        assertThat(labels.field("app.kubernetes.io/name").text()).isEqualTo("metadata.labels[app.kubernetes.io/name]");
        assertThat(FieldPath.of("spec").field("servers").index(2).field("port").text()).isEqualTo("spec.servers[2].port");
        assertThat(FieldPath.of("spec").field("servers").index(2).parent().text()).isEqualTo("spec.servers");
        assertThat(labels.field("a.b").parent()).isEqualTo(labels);
    }

    @Test
    void anErrorInsideAFieldHidesItsConsequencesAtTheFieldButNotElsewhere() {
        Findings findings = new Findings("Gateway a/b", AT);
        FieldPath hosts = FieldPath.of("spec").field("hosts");
        findings.error(hosts.index(0), "cause");
        findings.error(hosts, "consequence");
        findings.error(FieldPath.of("spec").field("hostsExtra"), "unrelated");
        findings.warning(hosts, "a warning is never hidden");
        assertThat(findings.diagnostics()).extracting(Diagnostic::message)
                .containsExactly("cause", "unrelated", "a warning is never hidden");
    }
}
