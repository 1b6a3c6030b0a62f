/**
 * The compiler from loaded AuthorizationPolicies ({@code io.tollgate.model.security}, {@code io.tollgate.model.mesh})
 * to the runtime engine ({@code io.tollgate.policy.authz}); the only code that sees both. Each class mirrors one part
 * of Istio's {@code pilot/pkg/security/authz}: {@link io.tollgate.policy.compile.PolicyCompiler} the builder,
 * {@code RuleCompiler}/{@code RulePass} the model and its {@code checkError}, {@code Attribute} the generators,
 * {@code TrustDomainBundle} the trust domain aliases.
 */
package io.tollgate.policy.compile;
