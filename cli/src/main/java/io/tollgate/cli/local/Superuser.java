package io.tollgate.cli.local;

import java.nio.file.Path;

/** Who runs this process, for the choices that depend on it: the default state directory, and whether pods can exist. */
public final class Superuser {
    private Superuser() {
    }

    public static boolean isRoot() {
        return ProcessHandle.current().info().user().map("root"::equals).orElse(false);
    }

    /** {@code --state-dir} when given, else the default for this user. */
    public static StateDirectory stateDirectory(Path flag) {
        return flag != null ? new StateDirectory(flag) : StateDirectory.defaultFor(isRoot(), Path.of(System.getProperty("user.home")));
    }
}
