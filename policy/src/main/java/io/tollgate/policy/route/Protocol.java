package io.tollgate.policy.route;

/**
 * The protocol of a destination port, as a ServiceEntry port declares it. It decides how a gateway refuses:
 * {@link #MYSQL} gets a MySQL error packet naming the reason, everything else a plain close.
 */
public enum Protocol { TCP, TLS, MYSQL }
