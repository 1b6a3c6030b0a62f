package io.tollgate.controlplane.ca;

/**
 * A request to the signing service: a PEM CSR whose one URI SAN is the identity wanted; a join token, or null
 * when the caller renews over mTLS with its current mesh certificate; the lifetime wanted in seconds, 0 for the
 * CA's default.
 */
public record SignRequest(String csrPem, String token, long ttlSeconds) {
    @Override
    public String toString() {
        return "SignRequest[token " + (token == null ? "absent" : "present") + ", ttlSeconds " + ttlSeconds + "]"; // never the token
    }
}
