package io.tollgate.dataplane.relay;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.Http2WindowUpdateFrame;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StreamFramesTest {

    private static DefaultHttp2DataFrame data(int bytes) {
        return new DefaultHttp2DataFrame(Unpooled.wrappedBuffer(new byte[bytes]), false);
    }

    private static List<Http2WindowUpdateFrame> windowUpdates(EmbeddedChannel channel) {
        List<Http2WindowUpdateFrame> updates = new ArrayList<>();
        for (Object out; (out = channel.readOutbound()) != null; ) {
            if (out instanceof Http2WindowUpdateFrame update) {
                updates.add(update);
            }
        }
        return updates;
    }

    @Test
    void dataBecomesBytesAndItsWindowIsGivenBackInSteps() {
        EmbeddedChannel stream = new EmbeddedChannel(new StreamFrames());
        int frame = 4096;
        int framesPerStep = StreamFrames.RETURN_STEP / frame;

        for (int i = 0; i < framesPerStep - 1; i++) {
            stream.writeInbound(data(frame));
        }
        assertThat(windowUpdates(stream)).as("less than a step read: nothing given back yet").isEmpty();

        stream.writeInbound(data(frame));
        assertThat(windowUpdates(stream)).singleElement()
                .extracting(Http2WindowUpdateFrame::windowSizeIncrement).isEqualTo(StreamFrames.RETURN_STEP);

        int relayed = 0;
        for (Object in; (in = stream.readInbound()) != null; ) {
            relayed += ((ByteBuf) in).readableBytes();
            ((ByteBuf) in).release();
        }
        assertThat(relayed).as("every DATA byte relayed").isEqualTo(framesPerStep * frame);
        stream.finishAndReleaseAll();
    }
}
