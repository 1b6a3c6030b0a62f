package io.tollgate.bench.harness;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonParseException;

/** One iperf3 run: bytes the receiver got and its rate; {@code error} says why it failed when it did. */
record IperfResult(long bytesReceived, double bitsPerSecond, int exitCode, String error) {
    /** The guard for the bulk trial: iperf3 completed and data arrived (integrity is BulkEcho's job). */
    boolean completed() {
        return exitCode == 0 && bytesReceived > 0 && error.isEmpty();
    }

    /**
     * The server refused the test because it was still running another one; nothing was measured. Its refusal is a
     * message on the control connection and a close right after it: when the close reaches the client before the
     * message is read, the client sees a reset of that connection instead (seen once in a 400-trial run, in the
     * direct arm, where no proxy is in the way).
     */
    boolean serverBusy() {
        return bytesReceived == 0
                && (error.contains("server is busy") || error.contains("unable to receive control message"));
    }

    /** Parses {@code iperf3 -J} output: {@code end.sum_received} is the receiver's view in both directions. */
    static IperfResult parse(String json, int exitCode) {
        try {
            JsonObject root = JsonParser.parseString(json).getAsJsonObject();
            if (root.has("error")) {
                return new IperfResult(0, 0, exitCode, root.get("error").getAsString());
            }
            JsonObject received = root.getAsJsonObject("end").getAsJsonObject("sum_received");
            return new IperfResult(received.get("bytes").getAsLong(), received.get("bits_per_second").getAsDouble(),
                    exitCode, "");
        } catch (JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException e) {
            String head = json.strip();
            return new IperfResult(0, 0, exitCode, "unreadable iperf3 output: " + head.substring(0, Math.min(200, head.length())));
        }
    }
}
