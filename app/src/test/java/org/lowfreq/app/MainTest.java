package org.lowfreq.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MainTest {
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void pluginsListsTheReferenceBackend() {
        Run r = run("plugins");
        assertThat(r.code()).isZero();
        assertThat(r.out()).containsPattern("model\\s+reference\\s+backend-reference");
    }

    @Test
    void unknownSubcommandOrOptionIsAUsageErrorWithCode2() {
        Run r = run("no-such-command");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Unmatched argument").containsAnyOf("Usage: lowfreq", "Did you mean: lowfreq");
        assertThat(run("plugins", "--no-such-option").code()).isEqualTo(2);
    }

    @Test
    void helpAndVersionExitZero() {
        Run r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("plugins").contains("--data-dir");
        assertThat(run("--version").out()).contains("lowfreq");
    }

    @Test
    void userErrorsPrintMessageAndHintWithoutStackTrace() {
        StringWriter err = new StringWriter();
        Main.report(new org.lowfreq.spi.UserInputException("bad thing", "do this"), false, new PrintWriter(err, true));
        assertThat(err.toString()).isEqualTo("error: bad thing" + System.lineSeparator() + "hint: do this"
                + System.lineSeparator());
        StringWriter err2 = new StringWriter();
        Main.report(new IllegalStateException("boom"), false, new PrintWriter(err2, true));
        assertThat(err2.toString()).contains("boom").contains("--verbose").doesNotContain("\tat ");
    }

    @Test
    void aMissingPluginFolderIsReportedNotFatal() {
        Run r = run("--plugin-path", "/no/such/dir", "plugins");
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("/no/such/dir");
    }
}
