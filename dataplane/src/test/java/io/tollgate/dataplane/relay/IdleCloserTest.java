package io.tollgate.dataplane.relay;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class IdleCloserTest {

    @Test
    void closesAfterTheTimeoutWithoutTrafficAndSaysSoFirst() {
        AtomicInteger idle = new AtomicInteger();
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.freezeTime();
        channel.pipeline().addLast(new IdleCloser(Duration.ofSeconds(30), idle::incrementAndGet));

        channel.advanceTimeBy(20, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[]{1}));
        channel.advanceTimeBy(20, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen()).as("traffic 20s ago resets the clock").isTrue();

        channel.advanceTimeBy(11, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertThat(idle).hasValue(1);
        assertThat(channel.isOpen()).isFalse();
        channel.finishAndReleaseAll();
    }

    @Test
    void aWriteCountsAsActivityToo() {
        AtomicInteger idle = new AtomicInteger();
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.freezeTime();
        channel.pipeline().addLast(new IdleCloser(Duration.ofSeconds(30), idle::incrementAndGet));

        channel.advanceTimeBy(25, TimeUnit.SECONDS);
        channel.writeAndFlush(Unpooled.wrappedBuffer(new byte[]{1}));
        channel.advanceTimeBy(25, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen()).as("written 25s ago").isTrue();
        assertThat(idle).hasValue(0);

        channel.advanceTimeBy(6, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertThat(idle).hasValue(1);
        assertThat(channel.isOpen()).isFalse();
        channel.finishAndReleaseAll();
    }
}
