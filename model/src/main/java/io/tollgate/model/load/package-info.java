/**
 * Loading: YAML text to validated model records, with every diagnostic collected.
 *
 * <p>{@link io.tollgate.model.load.ResourceLoader} is the entry point. A text is split into documents
 * ({@code YamlDocuments}: by the {@code SubsetComposer} when the text is written in the YAML subset Istio resources
 * use, else by snakeyaml-engine; the node trees are the same either way); each document is classified by {@code apiVersion}/{@code kind} ({@code KindCatalog}),
 * read field by field by one parser per kind through {@code MappingReader} (which reports unknown fields, wrong types
 * and missing required fields at their lines, and records where every field was written), then validated by the
 * kind's validator in {@link io.tollgate.model.validation}. Checks across resources (duplicates, references) run
 * last. Only documents without errors reach the {@link io.tollgate.model.ResourceSet}.
 */
package io.tollgate.model.load;
