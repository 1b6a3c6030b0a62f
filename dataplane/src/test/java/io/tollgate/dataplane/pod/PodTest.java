package io.tollgate.dataplane.pod;

import static io.tollgate.dataplane.pod.PodTesting.COMMANDS;
import static io.tollgate.dataplane.pod.PodTesting.runIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real pods: needs root; skipped otherwise. */
class PodTest {
    private static final String PREFIX = "tg-podtest-";
    private static final HostName RDS = HostName.of("rm-xxxxxxx.mysql.xxxx.rds.aliyuncs.com");
    private final Pods pods = new Pods(PREFIX, COMMANDS);
    private InetAddress rdsAddress;

    @BeforeEach
    void setUp() throws Exception {
        PodTesting.assumeRootWithNamespaces();
        pods.removeLeftovers();
        rdsAddress = ServiceAddresses.none().assign(List.of(RDS)).addressOf(RDS).orElseThrow();
    }

    @AfterEach
    void removeOurPods() throws Exception {
        if (PodTesting.isRoot()) {
            pods.removeLeftovers();
        }
    }

    @Test
    void podHasLoopbackAndASinkInterfaceAndTheRootNamespaceGainsNothing() throws Exception {
        String rootBefore = COMMANDS.run(List.of("ip", "-o", "addr"));
        try (Pod pod = pods.create(PodSpec.withHosts(Map.of(RDS, rdsAddress)))) {
            assertThat(Pods.namespaces(COMMANDS)).contains(pod.name());
            assertThat(pod.name()).matches("tg-podtest-[0-9]+");
            assertThat(pod.namespaceFile()).exists();

            String addresses = runIn(pod, "ip", "-o", "-4", "addr").output();
            assertThat(addresses.lines().map(l -> l.split("\\s+")[1] + " " + l.split("\\s+")[3]))
                    .containsExactlyInAnyOrder("lo 127.0.0.1/8", "eth0 198.18.0.1/32");
            assertThat(runIn(pod, "ip", "route").output()).contains("default dev eth0");
            assertThat(COMMANDS.run(List.of("ip", "-o", "addr"))).isEqualTo(rootBefore);
        }
    }

    @Test
    void captureRulesAreLoaded() throws Exception {
        try (Pod pod = pods.create(PodSpec.withHosts(Map.of()))) {
            String nat = runIn(pod, "iptables", "-t", "nat", "-S", "OUTPUT").output();
            assertThat(nat).contains("-m mark --mark 0x539", "--dport 15001", "-j REDIRECT --to-ports 15001");
            assertThat(runIn(pod, "iptables", "-S", "OUTPUT").output()).contains("-A OUTPUT -o lo -j ACCEPT", "-j DROP");
        }
    }

    @Test
    void nothingButCapturedTcpLeavesThePod() throws Exception {
        try (Pod pod = pods.create(PodSpec.withHosts(Map.of()))) {
            PodTesting.Ran udp = runIn(pod, "bash", "-c", "echo x > /dev/udp/10.1.2.3/53");
            assertThat(udp.exitStatus()).isNotZero();
            assertThat(udp.output()).contains("Operation not permitted");
            // TCP that escapes capture (here: a port the test exempts by hand) is refused at once, not left hanging.
            runIn(pod, "iptables", "-t", "nat", "-I", "OUTPUT", "-p", "tcp", "--dport", "9", "-j", "RETURN");
            PodTesting.Ran tcp = runIn(pod, "bash", "-c", "exec 3<>/dev/tcp/10.1.2.3/9");
            assertThat(tcp.output()).contains("Connection refused");
        }
    }

    @Test
    void hostsFileIsWhatThePodResolvesAndRealDnsIsNeverAsked() throws Exception {
        try (Pod pod = pods.create(PodSpec.withHosts(Map.of(RDS, rdsAddress)))) {
            assertThat(Files.readString(pod.hostsFile())).contains(rdsAddress.getHostAddress() + "\t" + RDS.value());
            assertThat(Files.readString(pod.hostsFile().resolveSibling("resolv.conf"))).doesNotContain("nameserver");

            // ip netns exec bind-mounts /etc/netns/POD/hosts over /etc/hosts for the command.
            assertThat(runIn(pod, "getent", "hosts", RDS.value()).output().split("\\s+"))
                    .containsExactly(rdsAddress.getHostAddress(), RDS.value());
            assertThat(runIn(pod, "cat", "/etc/resolv.conf").output()).doesNotContain("nameserver");
            assertThat(runIn(pod, "getent", "hosts", "example.com").exitStatus()).isEqualTo(2);
            // ip netns exec bind-mounts nsswitch.conf too: hosts from the file only, so a missing name fails at
            // once instead of as a DNS "try again" that clients retry.
            assertThat(runIn(pod, "grep", "^hosts:", "/etc/nsswitch.conf").output()).isEqualTo("hosts: files\n");
            assertThat(runIn(pod, "getent", "passwd", "root").exitStatus()).isZero();

            InetAddress moved = InetAddress.getByName("127.255.9.9");
            pod.updateHosts(Map.of(RDS, moved));
            assertThat(runIn(pod, "getent", "hosts", RDS.value()).output()).startsWith("127.255.9.9 ");
        }
    }

    @Test
    void execReturnsTheCommandsExitStatus() throws Exception {
        try (Pod pod = pods.create(PodSpec.withHosts(Map.of()))) {
            assertThat(pod.exec(List.of("sh", "-c", "exit 7"))).isEqualTo(7);
            assertThat(pod.exec(List.of("true"))).isZero();
        }
    }

    @Test
    void podsGetDistinctSlotsAndSourceAddresses() throws Exception {
        try (Pod first = pods.create(PodSpec.withHosts(Map.of()));
             Pod second = pods.create(PodSpec.withHosts(Map.of()))) {
            assertThat(first.slot()).isNotEqualTo(second.slot());
            assertThat(first.sourceAddress()).isNotEqualTo(second.sourceAddress());
            assertThat(first.name()).isEqualTo(PREFIX + first.slot().slot());
            assertThat(PodSourceAddress.of(second.sourceAddress())).contains(second.slot());
        }
    }

    @Test
    void closeRemovesNamespaceFilesAndProcesses() throws Exception {
        Pod pod = pods.create(PodSpec.withHosts(Map.of(RDS, rdsAddress)));
        Process sleeper = pod.processBuilder(List.of("sleep", "300")).start();
        // Wait until the sleeper is inside the pod: ip netns exec switches namespace before exec'ing sleep.
        awaitUntil(() -> COMMANDS.run(List.of("ip", "netns", "pids", pod.name())).contains(String.valueOf(sleeper.pid())));

        pod.close();

        assertThat(sleeper.waitFor(10, TimeUnit.SECONDS)).as("sleeper ended").isTrue();
        assertThat(Pods.namespaces(COMMANDS)).doesNotContain(pod.name());
        assertThat(pod.namespaceFile()).doesNotExist();
        assertThat(Path.of("/etc/netns", pod.name())).doesNotExist();
        pod.close(); // idempotent
    }

    @Test
    void removeLeftoversClearsWhatACrashedRunLeft() throws Exception {
        Pod left = pods.create(PodSpec.withHosts(Map.of(RDS, rdsAddress)));
        Pod alsoLeft = pods.create(PodSpec.withHosts(Map.of()));
        Path strayFiles = Files.createDirectories(Path.of("/etc/netns", PREFIX + "999"));
        Files.writeString(strayFiles.resolve("hosts"), "127.0.0.1 localhost\n");

        List<String> removed = new Pods(PREFIX, COMMANDS).removeLeftovers();

        assertThat(removed).containsExactlyInAnyOrder(left.name(), alsoLeft.name(), PREFIX + "999");
        assertThat(Pods.namespaces(COMMANDS)).noneMatch(n -> n.startsWith(PREFIX));
        assertThat(Path.of("/etc/netns", left.name())).doesNotExist();
        assertThat(strayFiles).doesNotExist();
        assertThat(new Pods(PREFIX, COMMANDS).removeLeftovers()).isEmpty();
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    static void awaitUntil(Condition condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.onSpinWait();
        }
    }
}
