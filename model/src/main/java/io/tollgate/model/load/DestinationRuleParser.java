package io.tollgate.model.load;

import io.tollgate.model.ObjectMeta;
import io.tollgate.model.networking.DestinationRule;
import io.tollgate.model.networking.Subset;
import io.tollgate.model.security.WorkloadSelector;

/** Reads a DestinationRule's {@code spec}, field by field as Istio's CRD defines it. */
final class DestinationRuleParser {
    private DestinationRuleParser() {
    }

    static DestinationRule parse(MappingReader spec, ObjectMeta meta) {
        return new DestinationRule(meta,
                spec.requiredString("host").orElse(""),
                spec.object("trafficPolicy", TrafficPolicyParser::trafficPolicy),
                spec.objects("subsets", DestinationRuleParser::subset),
                spec.strings("exportTo"),
                spec.object("workloadSelector", s -> new WorkloadSelector(s.stringMap("matchLabels"))));
    }

    private static Subset subset(MappingReader m) {
        return new Subset(m.requiredString("name").orElse(""), m.stringMap("labels"),
                m.object("trafficPolicy", TrafficPolicyParser::trafficPolicy), m.location());
    }
}
