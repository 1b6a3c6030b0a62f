/**
 * What each proxy can see, with Istio's rules: {@code exportTo} of ServiceEntries, VirtualServices and
 * DestinationRules, the DestinationRule lookup order, which Gateways select a gateway workload and which
 * VirtualServices bind to them, and the subset of a configuration that the control plane ships to one proxy.
 * Pure functions of the loaded model; nothing here keeps state between calls.
 */
package io.tollgate.policy.scope;
