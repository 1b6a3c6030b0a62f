package io.tollgate.controlplane.ca;

/** The signed chain (leaf first, then intermediates) and the mesh roots, both PEM. */
public record SignResponse(String certChainPem, String rootCertPem) {
}
