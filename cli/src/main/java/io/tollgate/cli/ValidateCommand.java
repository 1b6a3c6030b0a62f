package io.tollgate.cli;

import io.tollgate.model.load.LoadResult;
import io.tollgate.model.validation.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code tollgate validate}: loads Istio resources as Istio's admission webhook would judge them. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Load and validate Istio resources the way Istio's admission webhook would.",
                "Diagnostics go to stderr (FILE:LINE: Kind ns/name: field: problem),",
                "a one-line summary to stdout. Exit 0 when valid, 2 on any error."})
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    ConfigFiles files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LoadResult result = files.load(spec.commandLine().getErr());
        PrintWriter out = spec.commandLine().getOut();
        String tail = counted(result.count(Severity.WARNING), "warning") + ", " + counted(result.count(Severity.NOTE), "note");
        if (result.hasErrors()) {
            out.println("invalid: " + counted(result.count(Severity.ERROR), "error") + ", " + tail);
            out.flush();
            return 2;
        }
        var counts = result.resources().countsByKind();
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        String byKind = counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
        out.println("ok: " + counted(total, "resource") + (total == 0 ? "" : " (" + byKind + ")") + "; " + tail);
        out.flush();
        return 0;
    }

    private static String counted(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
