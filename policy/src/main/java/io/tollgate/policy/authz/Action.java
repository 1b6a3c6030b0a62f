package io.tollgate.policy.authz;

/** An AuthorizationPolicy's {@code action}, as the runtime sees it (the model has its own enum; the compiler maps). */
public enum Action { ALLOW, DENY, AUDIT, CUSTOM }
