package io.tollgate.identity;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A key manager that presents whatever credentials its source holds at the moment of each handshake, so a TLS
 * context built once picks up every rotation: new handshakes use the new certificate, established connections
 * keep theirs. Each credential gets its own alias (its serial), so no alias-keyed cache can serve a stale pair,
 * and the previous credential stays resolvable for a handshake that chose it just before a rotation.
 */
public final class RotatingKeyManager extends X509ExtendedKeyManager {
    /** Whether the root goes out with the chain: servers that bootstrap clients by root pinning need it. */
    public enum Presentation { CHAIN, CHAIN_WITH_ROOT }

    private record Entry(String alias, WorkloadCredentials credentials) {
    }

    private final Supplier<WorkloadCredentials> source;
    private final Presentation presentation;
    // Written under `this` in current(); read without locking. Two entries suffice: an alias is chosen and then
    // resolved within one handshake, and rotations are hours apart.
    private volatile Entry latest;
    private volatile Entry previous;

    public RotatingKeyManager(Supplier<WorkloadCredentials> source, Presentation presentation) {
        this.source = Objects.requireNonNull(source, "source");
        this.presentation = Objects.requireNonNull(presentation, "presentation");
    }

    private Entry current(String... keyTypes) {
        WorkloadCredentials credentials = source.get();
        if (credentials == null || !acceptsAny(credentials, keyTypes)) {
            return null;
        }
        Entry entry = latest;
        if (entry == null || entry.credentials() != credentials) {
            synchronized (this) {
                entry = latest;
                if (entry == null || entry.credentials() != credentials) {
                    previous = entry;
                    entry = new Entry("tollgate-" + credentials.serialHex(), credentials);
                    latest = entry;
                }
            }
        }
        return entry;
    }

    private WorkloadCredentials resolve(String alias) {
        Entry entry = latest;
        if (entry != null && entry.alias().equals(alias)) {
            return entry.credentials();
        }
        entry = previous;
        return entry != null && entry.alias().equals(alias) ? entry.credentials() : null;
    }

    /** Key types are "EC", "RSA", or "EC_EC"-style pairs (key type, then the issuer's); the key's own type decides. */
    private static boolean acceptsAny(WorkloadCredentials credentials, String... keyTypes) {
        String algorithm = credentials.privateKey().getAlgorithm();
        for (String keyType : keyTypes) {
            if (keyType == null || keyType.equals(algorithm) || keyType.startsWith(algorithm + "_")) {
                return true;
            }
        }
        return keyTypes.length == 0;
    }

    private String alias(String... keyTypes) {
        Entry entry = current(keyTypes);
        return entry == null ? null : entry.alias();
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return alias(keyTypes == null ? new String[0] : keyTypes);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return alias(keyTypes == null ? new String[0] : keyTypes);
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return alias(keyType);
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return alias(keyType);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        WorkloadCredentials credentials = resolve(alias);
        if (credentials == null) {
            return null;
        }
        return switch (presentation) {
            case CHAIN -> credentials.chain().toArray(X509Certificate[]::new);
            case CHAIN_WITH_ROOT -> credentials.chainWithRoot().toArray(X509Certificate[]::new);
        };
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        WorkloadCredentials credentials = resolve(alias);
        return credentials == null ? null : credentials.privateKey();
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        String alias = alias(keyType);
        return alias == null ? null : new String[] {alias};
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return getClientAliases(keyType, issuers);
    }
}
