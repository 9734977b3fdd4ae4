package org.lowfreq.experiments.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.experiments.plan.Job;

class ResultStoreTest {
    @TempDir
    Path dir;

    static final Job JOB = Job.of("probe", "test job", Map.of("x", 1L), List.of());

    @Test
    void onlyOneOfManyConcurrentClaimsWins() {
        AtomicInteger won = new AtomicInteger();
        List<ResultStore> stores = IntStream.range(0, 8).mapToObj(i -> new ResultStore(dir, Duration.ofMinutes(1))).toList();
        stores.parallelStream().forEach(s -> s.tryClaim(JOB.hash()).ifPresent(c -> won.incrementAndGet()));
        assertThat(won).hasValue(1);
        assertThat(stores.get(0).state(JOB.hash())).isEqualTo(JobState.RUNNING);
        stores.forEach(ResultStore::close);
    }

    @Test
    void aClaimOfADeadProcessOnThisHostIsTakenOver() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        writeClaim("token=old\nhost=" + ResultStore.HostName.get() + "\npid=" + p.pid() + "\nprocess_start=x\n",
                Instant.now());
        try (ResultStore s = new ResultStore(dir, Duration.ofMinutes(10))) {
            assertThat(s.state(JOB.hash())).isEqualTo(JobState.PENDING);
            assertThat(s.tryClaim(JOB.hash())).isPresent();
            assertThat(s.readClaim(JOB.hash()).orElseThrow().pid()).isEqualTo(ProcessHandle.current().pid());
        }
    }

    @Test
    void aClaimOfAnotherHostIsStaleOnlyWithoutHeartbeat() throws Exception {
        String other = "token=old\nhost=some-other-node\npid=1\nprocess_start=x\n";
        writeClaim(other, Instant.now());
        try (ResultStore s = new ResultStore(dir, Duration.ofSeconds(30))) {
            assertThat(s.tryClaim(JOB.hash())).isEmpty();
            assertThat(s.state(JOB.hash())).isEqualTo(JobState.RUNNING);
            Files.setLastModifiedTime(dir.resolve("claims").resolve(JOB.hash()),
                    FileTime.from(Instant.now().minusSeconds(60)));
            assertThat(s.state(JOB.hash())).isEqualTo(JobState.PENDING);
            assertThat(s.tryClaim(JOB.hash())).isPresent();
        }
    }

    @Test
    void aCommitPublishesTheWholeFolderAtOnceAndALostClaimPublishesNothing() throws Exception {
        try (ResultStore s = new ResultStore(dir, Duration.ofMinutes(1))) {
            Claim c = s.tryClaim(JOB.hash()).orElseThrow();
            Path work = s.startWork(c, false);
            Files.writeString(work.resolve("results.csv"), "x");
            assertThat(s.isDone(JOB.hash())).isFalse();
            assertThat(s.commit(c, JOB, Map.of())).isTrue();
            c.close();
            assertThat(s.jobDir(JOB.hash()).resolve("results.csv")).hasContent("x");
            assertThat(s.jobDir(JOB.hash()).resolve("config.json")).exists();
            assertThat(s.partialDir(JOB.hash())).doesNotExist();
            assertThat(s.state(JOB.hash())).isEqualTo(JobState.DONE);

            Job other = Job.of("probe", "other", Map.of("x", 2L), List.of());
            Claim mine = s.tryClaim(other.hash()).orElseThrow();
            s.startWork(mine, false);
            // someone judged us dead and took over: our result must not be published
            Files.delete(dir.resolve("claims").resolve(other.hash()));
            Optional<Claim> theirs = s.tryClaim(other.hash());
            assertThat(theirs).isPresent();
            assertThat(s.commit(mine, other, Map.of())).isFalse();
            assertThat(s.isDone(other.hash())).isFalse();
        }
    }

    @Test
    void aFailureIsRecordedWithItsError() {
        try (ResultStore s = new ResultStore(dir, Duration.ofMinutes(1))) {
            s.recordFailure(JOB, new IllegalStateException("out of cheese"), Map.of());
            assertThat(s.failedDir(JOB.hash()).resolve("error.txt")).content().contains("out of cheese");
            assertThat(s.state(JOB.hash())).isEqualTo(JobState.FAILED);
            assertThat(s.failureSummary(JOB.hash())).contains("out of cheese");
        }
    }

    @Test
    void anEmptyClaimFileIsDebrisNotAHolderToWaitFor() throws Exception {
        writeClaim("", Instant.now());
        try (ResultStore s = new ResultStore(dir, Duration.ofSeconds(120))) {
            assertThat(s.state(JOB.hash())).isEqualTo(JobState.PENDING);
            assertThat(s.tryClaim(JOB.hash())).isPresent();
        }
    }

    @Test
    void oldClaimTemporariesAreRemovedWhenTheStoreOpens() throws Exception {
        new ResultStore(dir, Duration.ofSeconds(120)).close();
        Path old = Files.createFile(dir.resolve("claims").resolve(".new-" + java.util.UUID.randomUUID()));
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(600)));
        Path fresh = Files.createFile(dir.resolve("claims").resolve(".new-" + java.util.UUID.randomUUID()));
        new ResultStore(dir, Duration.ofSeconds(120)).close();
        assertThat(old).doesNotExist();
        assertThat(fresh).exists(); // may belong to a runner making its claim right now
    }

    @Test
    void aKilledWritersTemporaryFilesAreNotPublished() throws Exception {
        try (ResultStore s = new ResultStore(dir, Duration.ofSeconds(120))) {
            Claim c = s.tryClaim(JOB.hash()).orElseThrow();
            Path work = s.startWork(c, true);
            Files.writeString(work.resolve("results.csv"), "a\n");
            Files.writeString(work.resolve(".per_image.csv.3f2a9c.tmp"), "half");
            Files.createDirectories(work.resolve("model/checkpoints/.epoch1.9ab.tmp"));
            Files.writeString(work.resolve("model/checkpoints/.epoch1.9ab.tmp/ckpt.index"), "half");
            assertThat(s.commit(c, JOB, Map.of())).isTrue();
            c.close();
            Path job = s.jobDir(JOB.hash());
            assertThat(job.resolve("results.csv")).exists();
            assertThat(job.resolve(".per_image.csv.3f2a9c.tmp")).doesNotExist();
            assertThat(job.resolve("model/checkpoints/.epoch1.9ab.tmp")).doesNotExist();
            assertThat(job.resolve("model/checkpoints")).exists();
        }
    }

    private void writeClaim(String content, Instant beat) throws Exception {
        Path claims = dir.resolve("claims");
        Files.createDirectories(claims);
        Path f = claims.resolve(JOB.hash());
        Files.writeString(f, content);
        Files.setLastModifiedTime(f, FileTime.from(beat));
    }
}
