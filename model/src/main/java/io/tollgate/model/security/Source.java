package io.tollgate.model.security;

import io.tollgate.model.SourceLocation;

import java.util.List;

/** {@code rules[i].from[j].source}. Every list is empty when absent; non-empty lists are ANDed with each other. */
public record Source(List<String> principals, List<String> notPrincipals,
                     List<String> requestPrincipals, List<String> notRequestPrincipals,
                     List<String> namespaces, List<String> notNamespaces,
                     List<String> serviceAccounts, List<String> notServiceAccounts,
                     List<String> ipBlocks, List<String> notIpBlocks,
                     List<String> remoteIpBlocks, List<String> notRemoteIpBlocks,
                     SourceLocation location) {
    public Source {
        principals = List.copyOf(principals);
        notPrincipals = List.copyOf(notPrincipals);
        requestPrincipals = List.copyOf(requestPrincipals);
        notRequestPrincipals = List.copyOf(notRequestPrincipals);
        namespaces = List.copyOf(namespaces);
        notNamespaces = List.copyOf(notNamespaces);
        serviceAccounts = List.copyOf(serviceAccounts);
        notServiceAccounts = List.copyOf(notServiceAccounts);
        ipBlocks = List.copyOf(ipBlocks);
        notIpBlocks = List.copyOf(notIpBlocks);
        remoteIpBlocks = List.copyOf(remoteIpBlocks);
        notRemoteIpBlocks = List.copyOf(notRemoteIpBlocks);
    }
}
