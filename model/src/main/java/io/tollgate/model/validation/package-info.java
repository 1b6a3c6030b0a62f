/**
 * Validation of loaded records, following Istio's admission webhook ({@code pkg/config/validation}) rule by rule:
 * what Istio rejects is an error, what it admits with a warning is a warning. Tollgate adds warnings an operator of
 * a TCP proxy needs (HTTP-only policy fields, misleading port names, dangling references) and errors for what it
 * cannot honour (CUSTOM policies). Validators report by field path; {@link io.tollgate.model.validation.Findings}
 * turns a path into the line it was written on.
 */
package io.tollgate.model.validation;
