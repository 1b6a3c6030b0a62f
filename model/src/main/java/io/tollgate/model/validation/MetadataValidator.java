package io.tollgate.model.validation;

import io.tollgate.model.ObjectMeta;
import io.tollgate.model.Resource;
import io.tollgate.model.core.Namespace;
import io.tollgate.model.security.AuthorizationPolicy;

import java.util.List;

/**
 * What the API server and Istio's {@code validateMetadata} check in {@code metadata}: name and namespace syntax,
 * label syntax, and the annotations Istio reserves.
 */
public final class MetadataValidator {
    private static final FieldPath METADATA = FieldPath.of("metadata");
    /** Istio rejects these on user resources: they are internal, or escalate privileges. */
    private static final List<String> RESERVED_ANNOTATIONS = List.of("internal.istio.io/webhook-always-reject",
            "internal.istio.io/parent-namespace", "internal.istio.io/parents");

    private MetadataValidator() {
    }

    public static void validate(Resource resource, Findings findings) {
        ObjectMeta meta = resource.meta();
        FieldPath name = METADATA.field("name");
        if (!meta.name().isEmpty()) {
            if (resource instanceof Namespace && !DnsNames.isKubernetesLabel(meta.name())) {
                findings.error(name, "invalid namespace name \"" + meta.name()
                        + "\": must be a lower-case DNS label (a-z, 0-9, '-', at most 63)");
            } else if (!DnsNames.isKubernetesSubdomain(meta.name())) {
                findings.error(name, "invalid name \"" + meta.name()
                        + "\": must be a lower-case DNS subdomain (a-z, 0-9, '-', '.', at most 253)");
            }
        }
        if (!(resource instanceof Namespace) && !DnsNames.isKubernetesLabel(meta.namespace())) {
            findings.error(METADATA.field("namespace"), "invalid namespace \"" + meta.namespace()
                    + "\": must be a lower-case DNS label (a-z, 0-9, '-', at most 63)");
        }
        LabelRules.check(meta.labels(), METADATA.field("labels"), findings);
        FieldPath annotations = METADATA.field("annotations");
        meta.annotations().keySet().forEach(key -> LabelRules.keyProblem(key)
                .ifPresent(p -> findings.error(annotations.field(key), p.replace("label key", "annotation key"))));
        for (String reserved : RESERVED_ANNOTATIONS) {
            if (meta.annotations().containsKey(reserved)) {
                findings.error(annotations.field(reserved), "annotation " + reserved + " is reserved for Istio; remove it");
            }
        }
        if (meta.annotations().containsKey(AuthorizationPolicy.DRY_RUN_ANNOTATION) && !(resource instanceof AuthorizationPolicy)) {
            findings.error(annotations.field(AuthorizationPolicy.DRY_RUN_ANNOTATION), "only an AuthorizationPolicy supports "
                    + AuthorizationPolicy.DRY_RUN_ANNOTATION + "; remove the annotation");
        }
    }
}
