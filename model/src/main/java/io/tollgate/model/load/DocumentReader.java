package io.tollgate.model.load;

import io.tollgate.model.ObjectMeta;
import io.tollgate.model.Resource;
import io.tollgate.model.core.Namespace;
import io.tollgate.model.networking.DestinationRule;
import io.tollgate.model.networking.Gateway;
import io.tollgate.model.networking.ServiceEntry;
import io.tollgate.model.networking.VirtualService;
import io.tollgate.model.security.AuthorizationPolicy;
import io.tollgate.model.validation.AuthorizationPolicyValidator;
import io.tollgate.model.validation.CrossReferenceIndex;
import io.tollgate.model.validation.DestinationRuleValidator;
import io.tollgate.model.validation.FieldPath;
import io.tollgate.model.validation.Findings;
import io.tollgate.model.validation.GatewayValidator;
import io.tollgate.model.validation.MetadataValidator;
import io.tollgate.model.validation.ServiceEntryValidator;
import io.tollgate.model.validation.VirtualServiceValidator;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads one YAML document: decides from {@code apiVersion}/{@code kind} whether Tollgate reads it, parses it into its
 * record, and validates it, all diagnostics going to the document's {@link Findings}. Collects the results of every
 * document it is given; single-threaded, one per load.
 */
final class DocumentReader {
    /**
     * A resource, the findings about it (which know where each of its fields was written), and its
     * {@link CrossReferenceIndex#key}, made here because reading runs in parallel and combining does not.
     */
    record Loaded(Resource resource, Findings findings, String key) {
        Loaded(Resource resource, Findings findings) {
            this(resource, findings, CrossReferenceIndex.key(resource));
        }
    }

    private final List<Loaded> loaded = new ArrayList<>();
    private final List<Findings> unloaded = new ArrayList<>();

    List<Loaded> loaded() {
        return loaded;
    }

    /** Findings of documents that produced no resource: skipped kinds, documents without a kind. */
    List<Findings> unloaded() {
        return unloaded;
    }

    /** A mesh config given with -f instead of --mesh-config is the likeliest document without a kind: say so. */
    private static String meshConfigHint(MappingNode root) {
        boolean looksLikeMeshConfig = root.getValue().stream().anyMatch(t -> t.getKeyNode() instanceof ScalarNode key
                && MESH_CONFIG_KEYS.contains(key.getValue()));
        return looksLikeMeshConfig ? " (this looks like a mesh config: pass it with --mesh-config, not as a resource)" : "";
    }

    private static final java.util.Set<String> MESH_CONFIG_KEYS = java.util.Set.of("outboundTrafficPolicy", "trustDomain",
            "trustDomainAliases", "rootNamespace", "defaultConfig", "meshMTLS");

    void read(Node root) {
        if (Scalars.isNull(root)) {
            return; // an empty document ("---" with nothing after it)
        }
        DocumentHeader header = DocumentHeader.peek(root);
        if (header.kind().isEmpty() || header.apiVersion().isEmpty()) {
            Findings findings = new Findings(header.kind().map(k -> k + " " + header.name().orElse("<no name>")).orElse(""),
                    Scalars.locate(root));
            if (!(root instanceof MappingNode)) {
                findings.error(FieldPath.ROOT, "a Kubernetes resource must be a YAML mapping, found " + Scalars.describe(root));
            } else {
                findings.error(FieldPath.of(header.kind().isEmpty() ? "kind" : "apiVersion"), "required field is missing "
                        + "(or not a string): every document needs apiVersion and kind" + meshConfigHint((MappingNode) root));
            }
            unloaded.add(findings);
            return;
        }
        String kind = header.kind().get();
        switch (KindCatalog.classify(header.apiVersion().get(), kind)) {
            case KindCatalog.Verdict.Read read -> readSupported(root, header, read);
            case KindCatalog.Verdict.SkipWithNote skip -> {
                if (kind.equals("List") && header.apiVersion().get().equals("v1")) {
                    readList(root, header);
                } else {
                    skipped(root, header).note(FieldPath.ROOT, skip.why());
                }
            }
            case KindCatalog.Verdict.SkipWithWarning skip -> skipped(root, header).warning(FieldPath.ROOT, skip.why());
            case KindCatalog.Verdict.UnknownIstioKind unknown -> skipped(root, header).error(FieldPath.of("kind"), unknown.why());
        }
    }

    private Findings skipped(Node root, DocumentHeader header) {
        Findings findings = new Findings(header.subject(header.namespace().isPresent()
                ? MetadataParser.Scope.NAMESPACED : MetadataParser.Scope.CLUSTER), Scalars.locate(root));
        unloaded.add(findings);
        return findings;
    }

    /** {@code kind: List} (as {@code kubectl get -o yaml} writes several objects): each item is a document. */
    private void readList(Node root, DocumentHeader header) {
        Findings findings = new Findings("List", Scalars.locate(root));
        unloaded.add(findings);
        MappingReader list = MappingReader.of(root, FieldPath.ROOT, findings).orElseThrow();
        list.ignore("apiVersion", "kind", "metadata");
        List<Node> items = list.nodes("items");
        list.finish();
        items.forEach(this::read);
    }

    private void readSupported(Node root, DocumentHeader header, KindCatalog.Verdict.Read read) {
        MetadataParser.Scope scope = read.kind() == KindCatalog.Supported.NAMESPACE
                ? MetadataParser.Scope.CLUSTER : MetadataParser.Scope.NAMESPACED;
        Findings findings = new Findings(header.subject(scope), Scalars.locate(root));
        MappingReader doc = MappingReader.of(root, FieldPath.ROOT, findings).orElseThrow();
        doc.string("apiVersion");
        doc.string("kind");
        if (!read.versionServed()) {
            findings.error(FieldPath.of("apiVersion"), "apiVersion " + header.apiVersion().get() + " is not served for "
                    + read.kind().kind + "; use " + read.kind().servedVersions());
        }
        doc.ignore("status");
        ObjectMeta meta = MetadataParser.parse(doc, scope, findings.locate(FieldPath.ROOT));
        Resource resource = switch (read.kind()) {
            case SERVICE_ENTRY -> spec(doc, root, s -> ServiceEntryParser.parse(s, meta));
            case GATEWAY -> spec(doc, root, s -> GatewayParser.parse(s, meta));
            case DESTINATION_RULE -> spec(doc, root, s -> DestinationRuleParser.parse(s, meta));
            case VIRTUAL_SERVICE -> spec(doc, root, s -> VirtualServiceParser.parse(s, meta));
            case AUTHORIZATION_POLICY -> spec(doc, root, s -> AuthorizationPolicyParser.parse(s, meta));
            case NAMESPACE -> {
                doc.raw("spec", Shape.obj(Map.of("finalizers", Shape.listOf(Shape.STRING))));
                yield new Namespace(meta);
            }
        };
        doc.finish();
        MetadataValidator.validate(resource, findings);
        switch (resource) {
            case ServiceEntry se -> ServiceEntryValidator.validate(se, findings);
            case Gateway gw -> GatewayValidator.validate(gw, findings);
            case DestinationRule dr -> DestinationRuleValidator.validate(dr, findings);
            case VirtualService vs -> VirtualServiceValidator.validate(vs, findings);
            case AuthorizationPolicy ap -> AuthorizationPolicyValidator.validate(ap, findings);
            default -> {
                // A Namespace has nothing beyond its metadata to check.
            }
        }
        loaded.add(new Loaded(resource, findings));
    }

    /** Reads {@code spec} with {@code parser}; a document without one reads as an empty spec. */
    private static <T> T spec(MappingReader doc, Node root, Function<MappingReader, T> parser) {
        if (doc.has("spec")) {
            return doc.object("spec", parser).orElseGet(() -> parser.apply(MappingReader.absent(root, FieldPath.of("spec"), doc.findings())));
        }
        doc.ignore("spec");
        return parser.apply(MappingReader.absent(root, FieldPath.of("spec"), doc.findings()));
    }
}
