package io.tollgate.bench.load;

/** A bulk echo run: bytes written and read back, the offset of the first corrupted byte (-1 for none), elapsed time. */
public record BulkEchoResult(long bytesSent, long bytesEchoed, long firstCorruptOffset, long nanos) {
    public boolean intact() {
        return bytesSent > 0 && bytesEchoed == bytesSent && firstCorruptOffset < 0;
    }

    public String describe() {
        return "sent " + bytesSent + " echoed " + bytesEchoed
                + (firstCorruptOffset >= 0 ? " first corrupt byte at " + firstCorruptOffset : "");
    }
}
