package io.tollgate.cli.demo;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints the demo's steps as the walk-through reads: for each step its title, the command, what the walk-through
 * expects, what happened, and PASS or FAIL; at the end one line per step. Single-threaded but for {@link Progress},
 * which locks {@code out} too.
 */
final class StepReport {
    /** One finished check of a step: what was expected and whether it happened. */
    record Check(String expected, String happened, boolean passed) {
    }

    record Outcome(int number, String title, boolean passed) {
    }

    private final PrintWriter out;
    private final int total;
    private final List<Outcome> outcomes = new ArrayList<>();
    private int number;
    private String title;
    private boolean passed;

    StepReport(PrintWriter out, int total) {
        this.out = out;
        this.total = total;
    }

    PrintWriter out() {
        return out;
    }

    void begin(String stepTitle) {
        end();
        number++;
        title = stepTitle;
        passed = true;
        say("");
        say("Step " + number + "/" + total + ": " + stepTitle);
    }

    void command(String commandLine) {
        say("  $ " + commandLine);
    }

    void note(String text) {
        text.lines().forEach(line -> say("    " + line));
    }

    void check(Check check) {
        say("    expected: " + check.expected());
        say("    happened: " + check.happened());
        say("    " + (check.passed() ? "PASS" : "FAIL"));
        passed &= check.passed();
    }

    /** A step that could not be carried out at all. */
    void failed(String why) {
        say("    FAIL: " + why);
        passed = false;
    }

    List<Outcome> finish() {
        end();
        say("");
        say("Summary:");
        outcomes.forEach(o -> say("  " + (o.passed() ? "PASS" : "FAIL") + "  step " + o.number() + ": " + o.title()));
        return List.copyOf(outcomes);
    }

    boolean allPassed() {
        return outcomes.size() == total && outcomes.stream().allMatch(Outcome::passed);
    }

    private void end() {
        if (title != null) {
            outcomes.add(new Outcome(number, title, passed));
            title = null;
        }
    }

    private void say(String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
