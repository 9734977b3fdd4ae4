package org.lowfreq.attacks;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.lowfreq.spi.AtomicFiles;
import org.lowfreq.spi.UserInputException;

/**
 * Finished batches of a protocol run, one file each under {@code <out>/batches}, written atomically
 * (temporary file + rename) so an interrupted run resumes after its last finished batch. Each file
 * carries the settings' fingerprint; a file from other settings is refused, never mixed in.
 */
final class BatchStore {
    private static final int MAGIC = 0x4C464142; // "LFAB"
    private final Path dir;
    private final String fingerprint;

    /**
     * One finished batch: per image success, minimal norm, target probability, a note ("" or what
     * went wrong for that image, e.g. a refinement that did not converge); perturbations NHWC.
     */
    record Batch(int from, int count, boolean[] success, double[] norm, double[] targetProbability, float[] perturbations,
                 String[] notes) {
        /**
         * The batch of the best example per image; {@code epsilon[i]} is what the protocol reports
         * (the perturbation's norm, or the bisection's upper bound); perturbations are zero where
         * no success was found.
         */
        static Batch of(int from, org.lowfreq.spi.Images x, org.lowfreq.spi.AdversarialExample[] best, double[] epsilon) {
            String[] none = new String[x.count()];
            java.util.Arrays.fill(none, "");
            return of(from, x, best, epsilon, none);
        }

        /** As {@link #of(int, org.lowfreq.spi.Images, org.lowfreq.spi.AdversarialExample[], double[])} with per-image notes. */
        static Batch of(int from, org.lowfreq.spi.Images x, org.lowfreq.spi.AdversarialExample[] best, double[] epsilon,
                        String[] notes) {
            int n = x.count();
            int d = x.shape().size();
            boolean[] ok = new boolean[n];
            double[] prob = new double[n];
            float[] p = new float[n * d];
            for (int i = 0; i < n; i++) {
                ok[i] = best[i].success();
                prob[i] = best[i].targetProbability();
                if (ok[i]) {
                    for (int k = 0; k < d; k++) {
                        p[i * d + k] = best[i].clipped()[k] - x.pixels()[i * d + k];
                    }
                }
            }
            return new Batch(from, n, ok, epsilon.clone(), prob, p, notes.clone());
        }
    }

    BatchStore(Path outDir, String fingerprint) {
        this.dir = outDir.resolve("batches");
        this.fingerprint = fingerprint;
    }

    private Path file(int index) {
        return dir.resolve(String.format("batch-%05d.bin", index));
    }

    Optional<Batch> load(int index) {
        Path f = file(index);
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(f)))) {
            if (in.readInt() != MAGIC) {
                throw new UserInputException(f + " is not a lowfreq attack batch", "delete it to recompute the batch");
            }
            String fp = in.readUTF();
            if (!fp.equals(fingerprint)) {
                throw new UserInputException("output folder " + dir.getParent() + " holds a run with other settings:\n  "
                        + fp + "\nnot\n  " + fingerprint, "use another --out folder, or delete " + dir + " to start over");
            }
            int from = in.readInt();
            int count = in.readInt();
            int d = in.readInt();
            boolean[] ok = new boolean[count];
            double[] norm = new double[count];
            double[] prob = new double[count];
            for (int i = 0; i < count; i++) {
                ok[i] = in.readBoolean();
                norm[i] = in.readDouble();
                prob[i] = in.readDouble();
            }
            float[] p = new float[count * d];
            for (int k = 0; k < p.length; k++) {
                p[k] = in.readFloat();
            }
            String[] notes = new String[count];
            java.util.Arrays.fill(notes, "");
            readNotes(in, notes);
            return Optional.of(new Batch(from, count, ok, norm, prob, p, notes));
        } catch (IOException e) {
            throw new UserInputException("cannot read finished batch " + f + ": " + e.getMessage(),
                    "delete it to recompute the batch");
        }
    }

    /** The notes follow the perturbations; batches written before notes existed end there (all "" then). */
    private static void readNotes(DataInputStream in, String[] notes) throws IOException {
        for (int i = 0; i < notes.length; i++) {
            try {
                notes[i] = in.readUTF();
            } catch (java.io.EOFException e) {
                return;
            }
        }
    }

    void save(int index, Batch b) {
        AtomicFiles.write(file(index), stream -> {
            DataOutputStream out = new DataOutputStream(stream);
            out.writeInt(MAGIC);
            out.writeUTF(fingerprint);
            out.writeInt(b.from());
            out.writeInt(b.count());
            out.writeInt(b.perturbations().length / b.count());
            for (int i = 0; i < b.count(); i++) {
                out.writeBoolean(b.success()[i]);
                out.writeDouble(b.norm()[i]);
                out.writeDouble(b.targetProbability()[i]);
            }
            for (float v : b.perturbations()) {
                out.writeFloat(v);
            }
            for (String note : b.notes()) {
                out.writeUTF(note);
            }
            out.flush();
        });
    }
}
