package io.tollgate.cli.authz;

import com.google.gson.GsonBuilder;
import io.tollgate.policy.authz.Decision;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON contract of {@code authz check --output json}: these five keys, in this order, nulls written out. */
final class DecisionJson {
    private DecisionJson() {
    }

    static String of(Decision decision) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("decision", decision.verdict().name());
        json.put("policy", decision.policy().map(Object::toString).orElse(null));
        json.put("action", decision.action().map(Enum::name).orElse(null));
        json.put("rule", decision.rule().isPresent() ? decision.rule().getAsInt() : null);
        json.put("reason", decision.reason());
        return new GsonBuilder().serializeNulls().disableHtmlEscaping().create().toJson(json);
    }
}
