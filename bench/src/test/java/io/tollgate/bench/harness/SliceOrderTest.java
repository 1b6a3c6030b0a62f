package io.tollgate.bench.harness;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class SliceOrderTest {
    @Test
    void everySliceRunsEveryArmOnce() {
        for (int n = 1; n <= 6; n++) {
            List<Integer> arms = IntStream.range(0, n).boxed().toList();
            for (int slice = 0; slice < 3 * SliceOrder.rows(n); slice++) {
                assertThat(SliceOrder.of(arms, slice)).containsExactlyInAnyOrderElementsOf(arms);
            }
        }
    }

    @Test
    void noArmsMakeAnEmptyOrder() {
        assertThat(SliceOrder.of(List.of(), 3)).isEmpty();
    }

    @Test
    void overACycleEveryArmRunsRightAfterEveryOtherEquallyOften() {
        for (int n = 2; n <= 6; n++) {
            List<Integer> arms = IntStream.range(0, n).boxed().toList();
            Map<List<Integer>, Integer> follows = new HashMap<>();
            for (int slice = 0; slice < SliceOrder.rows(n); slice++) {
                List<Integer> order = SliceOrder.of(arms, slice);
                for (int i = 1; i < n; i++) {
                    follows.merge(List.of(order.get(i - 1), order.get(i)), 1, Integer::sum);
                }
            }
            assertThat(follows).as("%d arms", n).hasSize(n * (n - 1));
            assertThat(follows.values()).as("%d arms", n).containsOnly(n % 2 == 0 ? 1 : 2);
        }
    }

    @Test
    void withTheUsualFourArmsTollgateAlsoRunsAfterDirect() {
        List<String> arms = List.of("direct", "haproxy", "tollgate", "tollgate-tls");
        assertThat(SliceOrder.of(arms, 0)).containsExactly("direct", "haproxy", "tollgate-tls", "tollgate");
        assertThat(SliceOrder.of(arms, 1)).containsExactly("haproxy", "tollgate", "direct", "tollgate-tls");
        assertThat(SliceOrder.of(arms, 3)).containsExactly("tollgate-tls", "direct", "tollgate", "haproxy");
        assertThat(SliceOrder.of(arms, 4)).isEqualTo(SliceOrder.of(arms, 0));
    }
}
