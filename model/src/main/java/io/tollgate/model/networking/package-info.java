/**
 * {@code networking.istio.io} resources as loaded: ServiceEntry, Gateway, DestinationRule, VirtualService, with the
 * fields that matter to TCP and TLS traffic typed, the others kept as plain values, and the location of every
 * record and list element. Plain data: no behaviour beyond small derived views.
 */
package io.tollgate.model.networking;
