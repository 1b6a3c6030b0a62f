package io.tollgate.dataplane.pod;

import io.tollgate.testkit.SeededProperty;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodSourceAddressTest {
    @Test
    void slotsMapInto127_240() throws Exception {
        assertThat(new PodSourceAddress(1).address()).isEqualTo(InetAddress.getByName("127.240.0.1"));
        assertThat(new PodSourceAddress(258).address()).isEqualTo(InetAddress.getByName("127.240.1.2"));
        assertThat(new PodSourceAddress(65534).address()).isEqualTo(InetAddress.getByName("127.240.255.254"));
    }

    @Test
    void otherAddressesAreNoPodsAddresses() throws Exception {
        assertThat(PodSourceAddress.of(InetAddress.getByName("127.0.0.1"))).isEmpty();
        assertThat(PodSourceAddress.of(InetAddress.getByName("127.240.0.0"))).isEmpty();
        assertThat(PodSourceAddress.of(InetAddress.getByName("127.240.255.255"))).isEmpty();
        assertThat(PodSourceAddress.of(InetAddress.getByName("10.240.0.1"))).isEmpty();
        assertThat(PodSourceAddress.of(InetAddress.getByName("::1"))).isEmpty();
    }

    @Test
    void slotOutsideTheBlockIsRejected() {
        assertThatThrownBy(() -> new PodSourceAddress(0)).hasMessageContaining("outside 1..65534");
        assertThatThrownBy(() -> new PodSourceAddress(65535)).hasMessageContaining("outside 1..65534");
    }

    // The block's ends and the slots on either side of each third-octet carry.
    private static final List<Integer> EDGE_SLOTS = List.of(PodSourceAddress.FIRST_SLOT, 2, 127, 128, 255, 256, 257,
            32767, 32768, 65279, 65280, 65533, PodSourceAddress.LAST_SLOT);

    @Test
    void addressAndSlotRoundTrip() {
        int slots = PodSourceAddress.LAST_SLOT - PodSourceAddress.FIRST_SLOT + 1;
        SeededProperty.check(1000, EDGE_SLOTS, r -> PodSourceAddress.FIRST_SLOT + r.nextInt(slots), slot -> {
            PodSourceAddress source = new PodSourceAddress(slot);
            assertThat(PodSourceAddress.of(source.address())).contains(source);
        });
    }
}
