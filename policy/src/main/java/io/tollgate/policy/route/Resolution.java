package io.tollgate.policy.route;

/**
 * How a destination's endpoints become addresses, in ServiceEntry's terms. {@link #NONE} means "use the
 * connection's original destination", which a gateway does not have: a gateway refuses such a target.
 */
public enum Resolution { NONE, STATIC, DNS, DNS_ROUND_ROBIN }
