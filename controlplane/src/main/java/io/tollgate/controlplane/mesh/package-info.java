/**
 * Tollgate's control plane assembled from its parts: the Istio model as the validator of watched files, Istio's
 * visibility rules as the per-proxy scope, and one TLS port serving certificate signing and distribution.
 */
package io.tollgate.controlplane.mesh;
