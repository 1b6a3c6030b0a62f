/**
 * Istio AuthorizationPolicy, as a TCP proxy must apply it: the runtime half.
 *
 * <p>{@link io.tollgate.policy.authz.AuthorizationEngine} holds the compiled policies of one configuration;
 * {@link io.tollgate.policy.authz.AuthorizationEngine#forWorkload} picks those that apply to one workload;
 * {@link io.tollgate.policy.authz.WorkloadAuthorizer#decide} states the allow/deny rule and returns a
 * {@link io.tollgate.policy.authz.Decision} that says why. Rules are {@link io.tollgate.policy.authz.Matcher}s over
 * a {@link io.tollgate.policy.authz.Connection}. Nothing here knows YAML or sockets: {@code io.tollgate.policy.compile}
 * builds these objects from the model, and the data plane builds a {@code Connection} from a socket.
 */
package io.tollgate.policy.authz;
