package org.lowfreq.tensorflow;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.lowfreq.spi.AtomicFiles;
import org.lowfreq.spi.TrainingSpec;
import org.lowfreq.spi.UserInputException;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;

/**
 * A training run's files: the checkpoints of the last and the best epoch plus {@value #STATE_FILE}
 * under {@value #CHECKPOINTS}, written to temporary names and renamed so a kill never leaves a
 * half-written one in place; the sweep of a killed run's temporaries; the resume fingerprint; and
 * the atomic SavedModel export.
 */
final class TrainingCheckpoints {
    static final String CHECKPOINTS = "checkpoints";
    static final String STATE_FILE = "state.properties";

    private TrainingCheckpoints() {
    }

    static void saveCheckpoint(Session session, Path checkpoints, int epoch, boolean best, double bestLoss,
                                       int bestEpoch, double elapsed, String fingerprint, EpochLoop.EpochTimes times) {
        try {
            Files.createDirectories(checkpoints);
            Path tmp = newTemporaryDir(checkpoints, "epoch" + epoch);
            session.save(tmp.resolve("ckpt").toString());
            Files.deleteIfExists(tmp.resolve("checkpoint"));
            if (best) {
                Path bestTmp = newTemporaryDir(checkpoints, "best");
                try (Stream<Path> files = Files.list(tmp)) {
                    for (Path f : files.toList()) {
                        Files.copy(f, bestTmp.resolve(f.getFileName()));
                    }
                }
                replaceDir(bestTmp, checkpoints.resolve("best"));
            }
            replaceDir(tmp, checkpoints.resolve("last"));
            Properties p = new Properties();
            p.setProperty("completed_epochs", Integer.toString(epoch + 1));
            p.setProperty("best_epoch", Integer.toString(bestEpoch));
            p.setProperty("best_validation_loss", Double.toString(bestLoss));
            p.setProperty("elapsed_seconds", Double.toString(elapsed));
            p.setProperty("fingerprint", fingerprint);
            p.setProperty("data_wait_seconds", Double.toString(times.waitSeconds()));
            p.setProperty("step_seconds", Double.toString(times.stepSeconds()));
            p.setProperty("epoch_seconds", Double.toString(times.totalSeconds()));
            AtomicFiles.write(checkpoints.resolve(STATE_FILE), out -> {
                Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
                p.store(w, "lowfreq tensorflow training state");
                w.flush();
            });
        } catch (IOException e) {
            throw new UserInputException("cannot write a checkpoint in " + checkpoints + ": " + e.getMessage());
        }
    }

    /**
     * A new folder named like AtomicFiles' temporary files ({@code .NAME.HEX.tmp}), so that a killed
     * run's leftovers are recognised and swept. Not Files.createTempDirectory: its folders are 0700
     * whatever the umask, and the checkpoints would stay private after the rename.
     */
    static Path newTemporaryDir(Path parent, String name) throws IOException {
        Files.createDirectories(parent);
        return Files.createDirectory(parent.resolve("." + name + "."
                + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong()) + ".tmp"));
    }

    /** Deletes the temporary folders (and files) a killed run left in {@code dir}. */
    static void removeTemporaries(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(AtomicFiles::isTemporary).toList()) {
                deleteTree(f);
            }
        } catch (IOException e) {
            throw new UserInputException("cannot clean " + dir + ": " + e.getMessage());
        }
    }

    static Properties readState(Path checkpoints) {
        Path f = checkpoints.resolve(STATE_FILE);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UserInputException("cannot read " + f + ": " + e.getMessage());
        }
        return p;
    }

    private static void replaceDir(Path from, Path to) throws IOException {
        Path old = to.resolveSibling(to.getFileName() + ".old");
        deleteTree(old);
        if (Files.exists(to)) {
            Files.move(to, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(old);
    }

    static void deleteTree(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        } catch (IOException e) {
            throw new UserInputException("cannot delete " + p + ": " + e.getMessage());
        }
    }

    /** Exports the SavedModel into a temporary folder, then moves it into place. */
    static void export(Session session, ModelGraph mg, Path outDir) {
        try {
            Files.createDirectories(outDir);
            Path tmp = newTemporaryDir(outDir, "export");
            SavedModelBundle.exporter(tmp.toString()).withSession(session).withSignature(mg.signature()).export();
            deleteTree(outDir.resolve("variables"));
            Files.deleteIfExists(outDir.resolve("saved_model.pb"));
            try (Stream<Path> files = Files.list(tmp)) {
                for (Path f : files.toList()) {
                    Files.move(f, outDir.resolve(f.getFileName()), StandardCopyOption.ATOMIC_MOVE);
                }
            }
            Files.delete(tmp);
        } catch (IOException e) {
            throw new UserInputException("cannot export the SavedModel to " + outDir + ": " + e.getMessage());
        }
    }

    /** The settings a resume must match, one "name=value" per line (so a refusal can name what differs). */
    /** The epoch time split recorded so far (zero for a state written before it was recorded). */
    static EpochLoop.EpochTimes times(Properties state) {
        return new EpochLoop.EpochTimes(Double.parseDouble(state.getProperty("data_wait_seconds", "0")),
                Double.parseDouble(state.getProperty("step_seconds", "0")),
                Double.parseDouble(state.getProperty("epoch_seconds", "0")));
    }

    static String fingerprint(TrainingSpec spec) {
        StringBuilder b = new StringBuilder();
        spec.resumeSettings().forEach((k, v) -> {
            // the speed-only options (loader threads, inference batch) may change between attempts
            if (!TrainingRecipe.SPEED_ONLY.contains(k.startsWith("-o ") ? k.substring(3) : k)) {
                b.append(k).append('=').append(v).append('\n');
            }
        });
        return b.toString();
    }

    static Map<String, String> settings(String fingerprint) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : fingerprint.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                m.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return m;
    }
}
