package io.tollgate.cli.authz;

import io.tollgate.policy.authz.Decision;
import io.tollgate.policy.authz.ShadowResult;

/** The text form of a decision: the verdict and its reason in a sentence, then what audit and dry-run policies said. */
final class DecisionText {
    private DecisionText() {
    }

    static String of(Decision decision) {
        StringBuilder text = new StringBuilder(decision.verdict().name()).append(": ").append(decision.reason());
        for (ShadowResult shadow : decision.shadows()) {
            text.append(System.lineSeparator()).append("  (").append(shadow.summary()).append(')');
        }
        return text.toString();
    }
}
