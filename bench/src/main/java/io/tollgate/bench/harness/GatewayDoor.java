package io.tollgate.bench.harness;

import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * A gateway's mTLS port as a client outside the mesh path sees it, with what the identity guard needs to knock:
 * the SNI of the MySQL route, the CA that signed the gateway, and PKCS#12 key stores (password {@code bench}) for
 * the admitted identity and for a wrong one from the same CA.
 */
record GatewayDoor(InetSocketAddress address, String sni, Path trustedCa, Path admittedKeys, Path intruderKeys) {
}
