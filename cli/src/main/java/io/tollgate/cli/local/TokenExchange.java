package io.tollgate.cli.local;

/**
 * The messages on the token socket, one JSON object per line each way: a pod's identity asked for, and a join
 * token or the reason there is none.
 */
final class TokenExchange {
    private TokenExchange() {
    }

    record Request(String namespace, String serviceAccount) {
    }

    /** Exactly one of the two is set. */
    record Reply(String token, String error) {
        static Reply granted(String token) {
            return new Reply(token, null);
        }

        static Reply refused(String error) {
            return new Reply(null, error);
        }
    }
}
