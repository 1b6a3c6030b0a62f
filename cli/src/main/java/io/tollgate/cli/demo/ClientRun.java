package io.tollgate.cli.demo;

import java.util.regex.Pattern;

/**
 * How one client command in a pod ended: its exit status and its terminal output with the escape sequences that
 * the client's bold text brings stripped.
 */
record ClientRun(int exitStatus, String output) {
    static final String WELCOME = "Welcome to the MariaDB monitor";
    static final String ERROR_2013 = "ERROR 2013 (HY000): Lost connection to server at 'handshake: reading initial communication packet'";
    private static final Pattern ESCAPES = Pattern.compile("\u001B(\\[[0-9;?]*[A-Za-z]|\\([A-Za-z0-9])|\r");

    static ClientRun of(int exitStatus, String raw) {
        return new ClientRun(exitStatus, ESCAPES.matcher(raw).replaceAll(""));
    }

    boolean welcomed() {
        return output.contains(WELCOME);
    }

    /** The name did not resolve in the pod: its hosts file does not list it. */
    boolean unknownHost() {
        return output.contains("ERROR 2005");
    }

    boolean lostConnection() {
        return output.contains(ERROR_2013);
    }

    /** The line a reader should see: the banner, the error, or the first line of whatever came out. */
    String summary() {
        if (welcomed()) {
            return WELCOME + ".";
        }
        return output.lines().map(String::strip).filter(line -> line.startsWith("ERROR"))
                .findFirst()
                .or(() -> output.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.equals("exit")).findFirst())
                .orElse("(no output)") + " [exit " + exitStatus + "]";
    }
}
