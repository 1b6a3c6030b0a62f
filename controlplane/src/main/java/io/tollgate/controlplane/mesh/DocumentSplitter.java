package io.tollgate.controlplane.mesh;

import io.tollgate.controlplane.distribution.ConfigDocument;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a YAML file into its documents, each with the line it starts on, so a proxy that re-loads one document
 * alone reports the user's file and line. A document ends at a line that starts with {@code ---} or {@code ...}
 * (YAML's markers are only markers at column 0). Documents holding only comments and blank lines are dropped.
 */
final class DocumentSplitter {
    private DocumentSplitter() {
    }

    static List<ConfigDocument> split(String source, String text) {
        List<ConfigDocument> documents = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        StringBuilder current = new StringBuilder();
        int start = 1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (isMarker(line, "---") || isMarker(line, "...")) {
                add(documents, source, start, current);
                current.setLength(0);
                // "--- {kind: ...}" keeps content on the marker line: it belongs to the next document.
                String rest = line.substring(3);
                start = i + 1;
                if (isMarker(line, "---") && !rest.isBlank() && !rest.strip().startsWith("#")) {
                    current.append(rest).append('\n');
                } else {
                    start = i + 2;
                }
                continue;
            }
            if (current.isEmpty() && line.isBlank()) {
                start = i + 2;
                continue;
            }
            current.append(line).append('\n');
        }
        add(documents, source, start, current);
        return documents;
    }

    private static boolean isMarker(String line, String marker) {
        return line.startsWith(marker) && (line.length() == 3 || Character.isWhitespace(line.charAt(3)));
    }

    private static void add(List<ConfigDocument> documents, String source, int start, StringBuilder text) {
        if (!onlyComments(text)) {
            documents.add(new ConfigDocument(source, start, text.toString()));
        }
    }

    /** Every line blank or a comment; scanned in place (a cold start splits 22,000 documents). */
    private static boolean onlyComments(CharSequence text) {
        boolean lineStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                lineStart = true;
            } else if (lineStart && !Character.isWhitespace(c)) {
                if (c != '#') {
                    return false;
                }
                lineStart = false; // the rest of a comment line does not matter
            }
        }
        return true;
    }
}
