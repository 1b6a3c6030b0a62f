package io.tollgate.policy.route;

import java.util.Optional;

/** Which TLS server names a gateway route answers to: one name, a {@code *.suffix} wildcard, or any (also none). */
public sealed interface SniMatch {

    boolean matches(Optional<Hostname> sni);

    /** Reads {@code *}, {@code *.example.com} or {@code db.example.com}. */
    static SniMatch parse(String pattern) {
        if (pattern.equals("*")) {
            return new Any();
        }
        if (pattern.startsWith("*.")) {
            return new Suffix(Hostname.of(pattern.substring(2)));
        }
        return new Exact(Hostname.of(pattern));
    }

    /** Exactly this server name. */
    record Exact(Hostname name) implements SniMatch {
        @Override
        public boolean matches(Optional<Hostname> sni) {
            return sni.isPresent() && sni.get().equals(name);
        }

        @Override
        public String toString() {
            return name.value();
        }
    }

    /** Any name strictly below {@code parent}: {@code *.example.com} matches {@code a.example.com}, not itself. */
    record Suffix(Hostname parent) implements SniMatch {
        @Override
        public boolean matches(Optional<Hostname> sni) {
            return sni.isPresent() && sni.get().value().endsWith("." + parent.value());
        }

        @Override
        public String toString() {
            return "*." + parent.value();
        }
    }

    /** Every connection, with or without SNI: a port-only TCP route. */
    record Any() implements SniMatch {
        @Override
        public boolean matches(Optional<Hostname> sni) {
            return true;
        }

        @Override
        public String toString() {
            return "*";
        }
    }
}
