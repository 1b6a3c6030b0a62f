package io.tollgate.policy.authz;

/** What happens to the connection. */
public enum Verdict { ALLOW, DENY }
