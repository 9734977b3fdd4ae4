package org.lowfreq.experiments.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.lowfreq.experiments.plan.CanonicalJson;
import org.lowfreq.experiments.plan.Job;
import org.lowfreq.spi.UserInputException;

/**
 * A folder of job results, safe for several runners (threads, processes, Slurm tasks on hosts that
 * share the folder):
 * <pre>
 * STORE/specs/HASH.json     what each planned job is (written by run and submit; read by run-job)
 * STORE/claims/HASH         who runs it now: created atomically (hard link of a complete file), so one
 *                           runner wins; heartbeat = its modification time
 * STORE/.partial/HASH/      work in progress (hidden: collectors skip dot folders), touched only by the claim's holder (kept for resumable jobs)
 * STORE/jobs/HASH/          the finished job: config.json, results.csv, artifacts (.partial/HASH renamed here)
 * STORE/failed/HASH/        config.json and error.txt of the last failed attempt
 * STORE/logs/HASH/          output of the job's last process (job.log) and any JVM crash report of it
 * </pre>
 * A finished folder appears in one rename, so it is either absent or complete; a second commit of
 * the same job fails (the target is not empty) and is dropped.
 */
public final class ResultStore implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final Duration staleAfter;
    private final Duration heartbeatEvery;
    private final String host = HostName.get();
    private final long pid = ProcessHandle.current().pid();
    private final String processStart = startOf(ProcessHandle.current());
    private ScheduledExecutorService scheduler;

    /**
     * @param root       the store folder (created if missing)
     * @param staleAfter a claim of another host with no heartbeat for this long is taken over
     *                   (claims of this host are judged by whether their process is alive)
     */
    public ResultStore(Path root, Duration staleAfter) {
        this.root = root.toAbsolutePath().normalize();
        this.staleAfter = staleAfter;
        this.heartbeatEvery = Duration.ofMillis(Math.max(200, staleAfter.toMillis() / 4));
        try {
            for (String d : List.of("specs", "claims", ".partial", "jobs", "failed", "logs")) {
                Files.createDirectories(this.root.resolve(d));
            }
        } catch (IOException e) {
            throw new UserInputException("cannot create the result store " + root + ": " + e.getMessage(),
                    "pass --store a folder you can write to");
        }
        removeOldClaimDebris();
    }

    /**
     * Deletes {@code claims/.new-*} and {@code .stale-*} files older than a minute: they live for
     * microseconds while a claim is made or broken, so older ones were left by a killed runner.
     */
    private void removeOldClaimDebris() {
        Instant before = Instant.now().minus(Duration.ofMinutes(1));
        try (Stream<Path> s = Files.list(root.resolve("claims"))) {
            for (Path f : s.toList()) {
                String n = f.getFileName().toString();
                if ((n.startsWith(".new-") || n.startsWith(".stale-"))
                        && Files.getLastModifiedTime(f).toInstant().isBefore(before)) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException ignored) {
            // debris is harmless; the next runner tries again
        }
    }

    /**
     * Deletes the temporary files (and trainers' temporary folders) of interrupted atomic writes in a
     * work folder, before it is published.
     */
    private static void removeTemporaryFiles(Path work) {
        try (Stream<Path> s = Files.walk(work)) {
            for (Path f : s.filter(org.lowfreq.spi.AtomicFiles::isTemporary).toList()) {
                deleteTree(f);
            }
        } catch (IOException ignored) {
            // a leftover temp file is harmless; it is hidden and ignored by collect
        }
    }

    public Path root() {
        return root;
    }

    /** This host's name, as written into claims. */
    public String host() {
        return host;
    }

    public Path jobDir(String hash) {
        return root.resolve("jobs").resolve(hash);
    }

    public Path partialDir(String hash) {
        return root.resolve(".partial").resolve(hash);
    }

    public Path failedDir(String hash) {
        return root.resolve("failed").resolve(hash);
    }

    /** Output and crash reports of the job's process (runs that start each job in its own process). */
    public Path logsDir(String hash) {
        return root.resolve("logs").resolve(hash);
    }

    Path claimFile(String hash) {
        return root.resolve("claims").resolve(hash);
    }

    /** The saved model of a finished training job. */
    public Path modelDir(String trainHash) {
        return jobDir(trainHash).resolve("model");
    }

    public boolean isDone(String hash) {
        return Files.isRegularFile(jobDir(hash).resolve("config.json"));
    }

    // ---------------------------------------------------------------------------------------------
    // Specs

    /** Records what a job is, so that {@code run-job HASH} and {@code status} can find it. */
    public void saveSpec(Job job) {
        Path file = root.resolve("specs").resolve(job.hash() + ".json");
        if (!Files.exists(file)) {
            writeAtomically(file, CanonicalJson.write(job.toMap()) + "\n");
        }
    }

    public Job readSpec(String hash) {
        Path file = root.resolve("specs").resolve(hash + ".json");
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("the store " + root + " has no job " + hash,
                    "jobs are recorded by 'lowfreq run' or 'lowfreq submit'; check the hash with 'lowfreq status --store "
                            + root + "'");
        }
        return Job.fromMap(readJson(file), file.toString());
    }

    /** Every job recorded in the store, sorted by hash. */
    public List<Job> specs() {
        try (Stream<Path> s = Files.list(root.resolve("specs"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted()
                    .map(p -> Job.fromMap(readJson(p), p.toString())).toList();
        } catch (IOException e) {
            throw new UserInputException("cannot list " + root.resolve("specs") + ": " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Claims

    /**
     * Claims a job for this process, taking over a stale claim. Empty when another live runner holds
     * it. The claim beats its heartbeat until closed.
     */
    public synchronized Optional<Claim> tryClaim(String hash) {
        for (int attempt = 0; attempt < 3; attempt++) {
            String token = UUID.randomUUID().toString();
            if (createClaimFile(hash, token)) {
                Claim claim = new Claim(this, hash, token, false);
                claim.heartbeat(scheduler().scheduleWithFixedDelay(claim::beat, heartbeatEvery.toMillis(),
                        heartbeatEvery.toMillis(), TimeUnit.MILLISECONDS));
                return Optional.of(claim);
            }
            Optional<ClaimInfo> holder = readClaim(hash);
            if (holder.isEmpty()) {
                continue; // released between our attempt and our look: try again
            }
            if (!isStale(holder.get())) {
                return Optional.empty();
            }
            breakClaim(hash, holder.get());
        }
        return Optional.empty();
    }

    /**
     * Works under a claim that another process (the runner that started this job process) holds
     * and releases: refused unless the claim file holds {@code token}.
     */
    public Claim adoptClaim(String hash, String token) {
        Optional<ClaimInfo> c = readClaim(hash);
        if (c.isEmpty() || !c.get().token().equals(token)) {
            throw new UserInputException("job " + hash + " is not claimed with token " + token + " (claim: "
                    + c.map(Object::toString).orElse("none") + ")", "--claim-token is for the job processes that "
                    + "'lowfreq run' starts; run the job with 'lowfreq run-job HASH --store DIR'");
        }
        return new Claim(this, hash, token, true);
    }

    /** The current claim of a job, if any. */
    public Optional<ClaimInfo> readClaim(String hash) {
        Path file = claimFile(hash);
        try {
            Properties p = new Properties();
            p.load(new java.io.StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            Instant beat = Files.getLastModifiedTime(file).toInstant();
            return Optional.of(new ClaimInfo(p.getProperty("token", ""), p.getProperty("host", ""),
                    Long.parseLong(p.getProperty("pid", "-1")), p.getProperty("process_start", ""), beat));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.of(new ClaimInfo("", "", -1, "", Instant.EPOCH));
        }
    }

    /** True when the holder is gone: a dead process on this host, or no heartbeat for the stale time. */
    public boolean isStale(ClaimInfo c) {
        if (c.token().isEmpty()) {
            // claims appear complete (hard link of a written file): an empty or garbled one is debris
            return true;
        }
        if (c.host().equals(host) && c.pid() > 0) {
            Optional<ProcessHandle> p = ProcessHandle.of(c.pid());
            return p.isEmpty() || !p.get().isAlive() || !startOf(p.get()).equals(c.processStart());
        }
        return Duration.between(c.heartbeat(), Instant.now()).compareTo(staleAfter) > 0;
    }

    private boolean createClaimFile(String hash, String token) {
        Path file = claimFile(hash);
        Path tmp = root.resolve("claims").resolve(".new-" + token);
        try {
            Files.writeString(tmp, "token=" + token + "\nhost=" + host + "\npid=" + pid + "\nprocess_start="
                    + processStart + "\nclaimed=" + Instant.now() + "\n", StandardCharsets.UTF_8);
            // A hard link appears atomically with complete content and fails if the claim exists (also on NFS).
            Files.createLink(file, tmp);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException | UnsupportedOperationException e) {
            throw new UserInputException("cannot create claim " + file + ": " + e.getMessage(),
                    "the store must be on a file system with hard links (any local or NFS file system)");
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // a stray .new- file is harmless
            }
        }
    }

    /** Removes a stale claim; if another runner replaced it meanwhile, puts that fresh claim back. */
    private void breakClaim(String hash, ClaimInfo stale) {
        Path file = claimFile(hash);
        Path moved = root.resolve("claims").resolve(".stale-" + hash + "-" + UUID.randomUUID());
        try {
            Files.move(file, moved, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            return; // someone else broke it first
        } catch (IOException e) {
            throw new UserInputException("cannot break stale claim " + file + ": " + e.getMessage());
        }
        try {
            Properties p = new Properties();
            p.load(new java.io.StringReader(Files.readString(moved, StandardCharsets.UTF_8)));
            if (!p.getProperty("token", "").equals(stale.token())) {
                try {
                    Files.createLink(file, moved);
                } catch (FileAlreadyExistsException ignored) {
                    // a third runner claimed it: the fresh holder we moved will see its claim is lost and not commit
                }
            }
            Files.deleteIfExists(moved);
        } catch (IOException e) {
            throw new UserInputException("cannot break stale claim " + file + ": " + e.getMessage());
        }
    }

    private synchronized ScheduledExecutorService scheduler() {
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "lowfreq-claim-heartbeat");
                t.setDaemon(true);
                return t;
            });
        }
        return scheduler;
    }

    // ---------------------------------------------------------------------------------------------
    // Results

    /**
     * Prepares the work folder of a claimed job: kept from an earlier attempt when {@code keep}
     * (resumable work such as training checkpoints), else emptied.
     */
    public Path startWork(Claim claim, boolean keep) {
        Path dir = partialDir(claim.hash());
        try {
            if (!keep) {
                deleteTree(dir);
            }
            Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw new UserInputException("cannot prepare " + dir + ": " + e.getMessage());
        }
    }

    /**
     * Publishes a claimed job: writes config.json and run.json into its work folder and renames the
     * folder into {@code jobs/}. Returns false (and drops the work) when the claim was lost or the job
     * was already published by someone else.
     */
    public boolean commit(Claim claim, Job job, Map<String, Object> run) {
        Path work = partialDir(job.hash());
        writeAtomically(work.resolve("run.json"), CanonicalJson.write(run) + "\n");
        writeAtomically(work.resolve("config.json"), CanonicalJson.write(job.toMap()) + "\n");
        if (!claim.stillOwned()) {
            return false;
        }
        // a resumed job's folder may hold a killed attempt's half-written temporary files: never publish them
        removeTemporaryFiles(work);
        try {
            Files.move(work, jobDir(job.hash()), StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            deleteQuietly(work);
            return false;
        } catch (AtomicMoveNotSupportedException e) {
            throw new UserInputException("the store " + root + " cannot rename folders atomically",
                    "put the store on one local or network file system");
        } catch (IOException e) {
            throw new UserInputException("cannot publish job " + job.hash() + ": " + e.getMessage());
        }
        deleteQuietly(failedDir(job.hash()));
        return true;
    }

    /** Records a failed attempt (config.json, error.txt) and drops its work folder. */
    public void recordFailure(Job job, Throwable error, Map<String, Object> run) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        recordFailure(job, error.toString(), trace.toString(), run);
    }

    /**
     * Records a failed attempt described by a one-line summary (what {@link #failureSummary} returns)
     * and details (a stack trace, a log tail), and drops its work folder.
     */
    public void recordFailure(Job job, String summary, String details, Map<String, Object> run) {
        String text = "job " + job.hash() + ": " + job.label() + "\nfailed at " + Instant.now() + " on " + host
                + " (pid " + pid + ")\n\n" + summary.replace('\n', ' ') + "\n\n" + details;
        Path tmp = root.resolve("failed").resolve(".tmp-" + job.hash() + "-" + UUID.randomUUID());
        try {
            Files.createDirectories(tmp);
            Files.writeString(tmp.resolve("error.txt"), text, StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve("config.json"), CanonicalJson.write(job.toMap()) + "\n", StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve("run.json"), CanonicalJson.write(run) + "\n", StandardCharsets.UTF_8);
            deleteTree(failedDir(job.hash()));
            Files.move(tmp, failedDir(job.hash()), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UserInputException("cannot record the failure of job " + job.hash() + ": " + e.getMessage());
        }
        deleteQuietly(partialDir(job.hash()));
    }

    /** When the last failure of a job was recorded, if it has one. */
    public Optional<Instant> failedAt(String hash) {
        Path f = failedDir(hash).resolve("error.txt");
        try {
            return Files.isRegularFile(f) ? Optional.of(Files.getLastModifiedTime(f).toInstant()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** First line of the recorded error of a failed job. */
    public String failureSummary(String hash) {
        try {
            List<String> lines = Files.readAllLines(failedDir(hash).resolve("error.txt"), StandardCharsets.UTF_8);
            return lines.size() > 3 ? lines.get(3) : String.join(" ", lines);
        } catch (IOException e) {
            return "(no error.txt)";
        }
    }

    public JobState state(String hash) {
        if (isDone(hash)) {
            return JobState.DONE;
        }
        Optional<ClaimInfo> c = readClaim(hash);
        if (c.isPresent() && !isStale(c.get())) {
            return JobState.RUNNING;
        }
        return failedAt(hash).isPresent() ? JobState.FAILED : JobState.PENDING;
    }

    /** State of every job recorded in the store (spec order). */
    public Map<Job, JobState> states() {
        Map<Job, JobState> out = new LinkedHashMap<>();
        for (Job j : specs()) {
            out.put(j, state(j.hash()));
        }
        return out;
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    // ---------------------------------------------------------------------------------------------

    static Map<String, Object> readJson(Path file) {
        try {
            return JSON.readValue(file.toFile(), new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage());
        }
    }

    static void writeAtomically(Path file, String text) {
        org.lowfreq.spi.AtomicFiles.writeString(file, text);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> all = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.forEach(all::add);
        }
        all.sort(Comparator.reverseOrder());
        for (Path p : all) {
            Files.deleteIfExists(p);
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            deleteTree(dir);
        } catch (IOException ignored) {
            // leftovers in partial/ or failed/ are overwritten by the next attempt
        }
    }

    private static String startOf(ProcessHandle p) {
        return p.info().startInstant().map(Instant::toString).orElse("");
    }

    /** Host name without DNS (an unresolvable host name must not stall a claim). */
    static final class HostName {
        static String get() {
            try {
                String h = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
                if (!h.isEmpty()) {
                    return h;
                }
            } catch (IOException | RuntimeException ignored) {
                // not Linux: fall back below
            }
            String env = System.getenv("HOSTNAME");
            if (env != null && !env.isBlank()) {
                return env;
            }
            try {
                return java.net.InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                return "unknown-host";
            }
        }
    }
}
