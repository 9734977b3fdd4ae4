package org.lowfreq.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalysisCommandsTest {
    @TempDir
    Path tmp;

    @Test
    void demoReportThenCollectAndReportFromTheStore() throws Exception {
        MainTest.Run demo = MainTest.run("-q", "report", "--demo", "--out", tmp.resolve("demo").toString());
        assertThat(demo.code()).as(demo.err()).isZero();
        assertThat(demo.out()).contains("index.html").contains("(8 figures)");
        Path store = tmp.resolve("demo/demo-store");
        MainTest.Run collect = MainTest.run("-q", "collect", store.toString(), "--out", tmp.resolve("all.csv").toString());
        assertThat(collect.code()).as(collect.err()).isZero();
        assertThat(collect.out()).contains("from 39 results files");
        MainTest.Run report = MainTest.run("-q", "report", tmp.resolve("all.csv").toString(), "--out",
                tmp.resolve("report").toString());
        assertThat(report.code()).as(report.err()).isZero();
        assertThat(Files.readString(tmp.resolve("report/index.html"))).contains("Goldilocks summary");
    }

    @Test
    void collectOfAMissingStoreIsAUserError() {
        MainTest.Run r = MainTest.run("collect", tmp.resolve("nope").toString(), "--out", tmp.resolve("x.csv").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("error: store").contains("nope").contains("hint:");
        MainTest.Run noTable = MainTest.run("report", "--out", tmp.resolve("r").toString());
        assertThat(noTable.code()).isEqualTo(1);
        assertThat(noTable.err()).contains("no results table");
    }
}
