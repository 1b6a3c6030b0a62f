package io.tollgate.bench.harness;

import io.tollgate.bench.load.FirstPacket;

import java.io.IOException;
import java.util.Optional;

/**
 * The identity guard, straight at the gateway's mTLS port: the workload's own certificate gets MariaDB's greeting
 * (the control), a valid certificate with another SPIFFE identity and a client without a certificate get none.
 */
record IdentityTrial() implements Trial {
    @Override
    public String name() {
        return "identity";
    }

    @Override
    public void run(TrialScope scope) throws IOException {
        Optional<GatewayDoor> gateway = scope.endpoints().gateway();
        if (gateway.isEmpty()) {
            return;
        }
        GatewayDoor door = gateway.get();
        FirstPacket admitted = IdentityProbe.knock(door, Optional.of(door.admittedKeys()));
        scope.guard("gateway admits " + Pki.SIDECAR_ID, admitted instanceof FirstPacket.Greeting, admitted.toString());
        FirstPacket intruder = IdentityProbe.knock(door, Optional.of(door.intruderKeys()));
        scope.guard("gateway refuses the wrong identity " + Pki.INTRUDER_ID, refused(intruder), intruder.toString());
        FirstPacket anonymous = IdentityProbe.knock(door, Optional.empty());
        scope.guard("gateway refuses a client without a certificate", refused(anonymous), anonymous.toString());
    }

    /** Refused means closed or answered with an ERR packet; a greeting or anything else is a leak. */
    private static boolean refused(FirstPacket first) {
        return first instanceof FirstPacket.Closed || first instanceof FirstPacket.Refusal;
    }
}
