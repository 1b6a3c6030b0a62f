package io.tollgate.bench.controlplane;

import java.util.List;

/**
 * What the benchmark generates and connects. The defaults are issue 3's goal: 1,000 teams (namespaces) of 10
 * ServiceEntries and 10 AuthorizationPolicies each, 90 sidecars and 10 egress gateways.
 */
record ScaleSettings(List<Exports> modes, int teams, int serviceEntriesPerTeam, int policiesPerTeam, int sidecars,
                     int gateways, int rounds, Consumer consumer, Start start) {

    /** What each proxy does with a snapshot. */
    enum Consumer {
        /** Re-load and compile it, as a proxy does (the goal's setting). */
        COMPILE,
        /** Accept it unread: isolates distribution from 100 proxies' compile work on the same two cores. */
        ACCEPT
    }

    /** When the proxies come. */
    enum Start {
        /** They connect once the control plane serves: a first installation. */
        AFTER,
        /**
         * They are running already, holding certificates from before, and retry with their default backoff: a
         * control plane restart (or a whole-mesh start), "100 connected proxies" taken literally.
         */
        WAITING
    }

    static final String USAGE = "usage: ControlPlaneScaleBenchmark [both|mesh-wide|namespace-local] [teams=1000] "
            + "[serviceEntriesPerTeam=10] [policiesPerTeam=10] [sidecars=90] [gateways=10] [rounds=3] [compile|accept] [after|waiting]";

    static ScaleSettings parse(String[] args) {
        List<Exports> modes = switch (args.length > 0 ? args[0] : "both") {
            case "both" -> List.of(Exports.MESH_WIDE, Exports.NAMESPACE_LOCAL);
            case "mesh-wide" -> List.of(Exports.MESH_WIDE);
            case "namespace-local" -> List.of(Exports.NAMESPACE_LOCAL);
            default -> throw new IllegalArgumentException("unknown mode '" + args[0] + "'\n" + USAGE);
        };
        return new ScaleSettings(modes, number(args, 1, 1000), number(args, 2, 10), number(args, 3, 10),
                number(args, 4, 90), number(args, 5, 10), number(args, 6, 3), consumer(args), start(args));
    }

    private static Consumer consumer(String[] args) {
        return switch (args.length > 7 ? args[7] : "compile") {
            case "compile" -> Consumer.COMPILE;
            case "accept" -> Consumer.ACCEPT;
            default -> throw new IllegalArgumentException("unknown consumer '" + args[7] + "'\n" + USAGE);
        };
    }

    private static Start start(String[] args) {
        return switch (args.length > 8 ? args[8] : "after") {
            case "after" -> Start.AFTER;
            case "waiting" -> Start.WAITING;
            default -> throw new IllegalArgumentException("unknown start '" + args[8] + "'\n" + USAGE);
        };
    }

    private static int number(String[] args, int index, int fallback) {
        if (args.length <= index) {
            return fallback;
        }
        try {
            return Integer.parseInt(args[index]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("argument " + (index + 1) + " '" + args[index] + "' is not a number\n" + USAGE, e);
        }
    }
}
