package io.tollgate.model.validation;

/**
 * How bad a diagnostic is. ERROR: Istio's admission webhook (or the API server's CRD schema) would reject the
 * resource, or Tollgate cannot honour it; nothing is applied. WARNING: admitted, but probably not what was meant.
 * NOTE: information, such as a document of a kind Tollgate does not read.
 */
public enum Severity { ERROR, WARNING, NOTE }
