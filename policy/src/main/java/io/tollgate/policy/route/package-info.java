/**
 * Runtime route tables for the two proxies: plain immutable data, built by the compiler from the Istio model and
 * read by the data plane once per connection. Nothing here opens a socket or knows about YAML.
 */
package io.tollgate.policy.route;
