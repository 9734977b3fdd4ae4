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
        assertThat(demo.out()).contains("index.html").contains("(12 figures)");
        Path store = tmp.resolve("demo/demo-store");
        MainTest.Run collect = MainTest.run("-q", "collect", store.toString(), "--out", tmp.resolve("all.csv").toString());
        assertThat(collect.code()).as(collect.err()).isZero();
        assertThat(collect.out()).contains("from 56 results files"); // 14 models x (train, hybrid, attack, corruption)
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

    @Test
    void simulateThenAnalyseRecoversThePreferredFrequency() throws Exception {
        Path sim = tmp.resolve("sim");
        MainTest.Run s = MainTest.run("-q", "manifold", "simulate", "--pref-cpd", "0.04", "--units", "60", "--size", "20",
                "--count", "500", "--seed", "3", "--out", sim.toString());
        assertThat(s.code()).as(s.err()).isZero();
        assertThat(sim.resolve("responses.npy")).exists();
        assertThat(Files.readAllLines(sim.resolve("units.csv"))).hasSize(61);
        MainTest.Run a = MainTest.run("-q", "manifold", "--responses", sim.resolve("responses.npy").toString(), "--stimuli",
                sim.resolve("stimuli.npy").toString(), "--fov-deg", "67.5", "--components", "3", "--out",
                tmp.resolve("m").toString());
        assertThat(a.code()).as(a.err()).isZero();
        String pc1 = a.out().lines().filter(l -> l.startsWith("PC1")).findFirst().orElseThrow();
        double cpi = Double.parseDouble(pc1.replaceAll(".*preferred ([0-9.]+) cycles/image.*", "$1"));
        assertThat(cpi).isBetween(2.7 * 0.9, 2.7 * 1.1);
        assertThat(tmp.resolve("m/index.html")).exists();
        assertThat(tmp.resolve("m/receptive-fields.png")).exists();
        MainTest.Run missing = MainTest.run("manifold", "--out", tmp.resolve("x").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("--responses");
    }
}
