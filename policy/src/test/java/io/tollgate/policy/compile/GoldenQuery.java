package io.tollgate.policy.compile;

import io.tollgate.policy.authz.Connection;
import io.tollgate.policy.authz.IpAddress;
import io.tollgate.policy.authz.Peer;
import io.tollgate.policy.authz.Workload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One line of an {@code authz-golden/<case>-out.txt} file (format in that folder's README.md): a workload, a
 * connection, and the decision summary expected for them.
 *
 * @param line the 1-based line number, for failure messages
 */
record GoldenQuery(int line, Workload workload, Connection connection, String expected) {
    private static final Set<String> KEYS = Set.of("workload", "label", "peer", "source", "remote", "destination", "port", "sni");

    /** Every query of an {@code -out.txt} file, skipping comments and blank lines. */
    static List<GoldenQuery> read(Path outFile) {
        List<String> lines;
        try {
            lines = Files.readAllLines(outFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<GoldenQuery> queries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).strip();
            if (!text.isEmpty() && !text.startsWith("#")) {
                queries.add(parse(outFile.getFileName() + ":" + (i + 1), i + 1, text));
            }
        }
        return queries;
    }

    static GoldenQuery parse(String place, int line, String text) {
        int arrow = text.indexOf(" => ");
        if (arrow < 0) {
            throw new IllegalArgumentException(place + ": expected 'QUERY => DECISION'");
        }
        Map<String, String> fields = new HashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (String token : text.substring(0, arrow).trim().split("\\s+")) {
            int equals = token.indexOf('=');
            String key = equals < 0 ? token : token.substring(0, equals);
            if (equals < 0 || !KEYS.contains(key)) {
                throw new IllegalArgumentException(place + ": '" + token + "' is not one of KEY=VALUE with KEY in " + KEYS);
            }
            String value = token.substring(equals + 1);
            if (key.equals("label")) {
                String[] kv = value.split("=", 2);
                if (kv.length != 2) {
                    throw new IllegalArgumentException(place + ": label must be label=KEY=VALUE, not '" + token + "'");
                }
                labels.put(kv[0], kv[1]);
            } else if (fields.put(key, value) != null) {
                throw new IllegalArgumentException(place + ": " + key + " given twice");
            }
        }
        for (String required : List.of("workload", "peer", "source", "destination", "port")) {
            if (!fields.containsKey(required)) {
                throw new IllegalArgumentException(place + ": missing " + required + "=");
            }
        }
        String peerText = fields.get("peer");
        Peer peer = peerText.equals("plaintext") ? Peer.PLAINTEXT : Peer.mtls(peerText);
        IpAddress source = IpAddress.parse(fields.get("source"));
        IpAddress remote = fields.containsKey("remote") ? IpAddress.parse(fields.get("remote")) : source;
        Connection connection = new Connection(peer, source, remote, IpAddress.parse(fields.get("destination")),
                Integer.parseInt(fields.get("port")), fields.getOrDefault("sni", ""));
        return new GoldenQuery(line, new Workload(fields.get("workload"), labels), connection,
                text.substring(arrow + 4).trim());
    }
}
