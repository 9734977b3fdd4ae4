package org.lowfreq.attacks;

import org.lowfreq.spi.AdversarialExample;
import org.lowfreq.spi.AttackOptions;
import org.lowfreq.spi.AttackResult;
import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.Options;
import org.lowfreq.spi.ProgressListener;
import org.lowfreq.spi.Seeds;

/**
 * {@link SearchProtocol#SWEEP}: targeted PGD at each epsilon of the grid, ascending, each image
 * leaving at its first successful iterate ({@link PgdSweep}); FMN from that success (or from zero),
 * with restarts, or Brendel-Bethge from it ({@link Refinement}); then {@link ScaleSearch} shrinks each success along its own direction. The
 * smallest success per image is the minimal epsilon. With FMN and min_prob >= 0.5 the sweep and
 * FMN share the gradient calls ({@link PgdSweep#runWithFmn}); the answers are the same.
 */
final class SweepSearch implements BatchSearch {
    private final ProtocolSettings settings;

    SweepSearch(ProtocolSettings settings) {
        this.settings = settings;
    }

    @Override
    public BatchStore.Batch attack(Classifier model, Images x, int[] targets, int from, ProgressListener progress) {
        int n = x.count();
        long[] ids = BatchSearch.ids(from, n);
        progress.status("batch from " + from + ": PGD sweep");
        int slots = Math.max(1, Math.min(n, model.preferredBatchSize()));
        String[] notes = new String[n];
        java.util.Arrays.fill(notes, "");
        PgdSweep sweep = new PgdSweep(settings, slots);
        if (settings.refinement() == Refinement.FMN && settings.minProbability() >= 0.5) {
            // each image starts FMN in its own slot as it leaves the sweep: the batches stay full to the end
            progress.status("batch from " + from + ": PGD sweep and FMN refinement");
            AdversarialExample[] refined = new AdversarialExample[n];
            // all the model's preferred batch: the slots beyond the images run deep images' next epsilons at once
            PgdSweep wide = new PgdSweep(settings, Math.max(1, model.preferredBatchSize()));
            AdversarialExample[] best = wide.runWithFmn(model, x, targets, ids, fmnSettings(), refined);
            for (int i = 0; i < n; i++) {
                best[i] = Attacks.better(best[i], refined[i]);
            }
            return finish(model, x, targets, from, best, notes);
        }
        AdversarialExample[] best = sweep.run(model, x, targets, ids);
        if (settings.refinement() == Refinement.BB) {
            progress.status("batch from " + from + ": Brendel-Bethge refinement");
            BrendelBethgeRefinement.Result bb = new BrendelBethgeRefinement(settings.norm(), settings.bbSteps(),
                    settings.minProbability()).refine(model, x, targets, best);
            best = bb.examples();
            notes = bb.notes();
            fmnWhereBrendelBethgeHadNoStart(model, x, targets, ids, best, notes);
        } else {
            progress.status("batch from " + from + ": FMN refinement");
            AttackResult refined = new FmnAttack(settings.norm()).refine(model, x, targets, best, ids, fmnOptions());
            for (int i = 0; i < n; i++) {
                best[i] = Attacks.better(best[i], refined.examples().get(i));
            }
        }
        return finish(model, x, targets, from, best, notes);
    }

    /** The scale search on each image's best, and the batch's record. */
    private BatchStore.Batch finish(Classifier model, Images x, int[] targets, int from, AdversarialExample[] best,
                                    String[] notes) {
        int n = x.count();
        best = ScaleSearch.shrink(model, x, targets, best, settings.norm(), settings.minProbability(), settings.scaleIterations());
        double[] norm = new double[n];
        for (int i = 0; i < n; i++) {
            norm[i] = best[i].norm();
        }
        return BatchStore.Batch.of(from, x, best, norm, notes);
    }

    private FmnTrack.Settings fmnSettings() {
        return new FmnTrack.Settings(settings.norm(), settings.fmnSteps(), settings.fmnStepSize(), settings.fmnRestarts(),
                settings.minProbability(), Seeds.derive(settings.seed(), "fmn"));
    }

    private AttackOptions fmnOptions() {
        return new AttackOptions(Double.NaN, settings.fmnSteps(), settings.fmnStepSize(), settings.fmnRestarts(),
                settings.minProbability(), Seeds.derive(settings.seed(), "fmn"), Options.EMPTY);
    }

    /**
     * Brendel-Bethge needs an adversarial to start from; an image the PGD sweep found none for is
     * refined by FMN from zero instead (FMN needs no start), and its note says so. Only those
     * images take FMN's gradients; the random starts are keyed by image index, so they are the
     * ones the FMN refinement would use.
     */
    private void fmnWhereBrendelBethgeHadNoStart(Classifier model, Images x, int[] targets, long[] ids,
                                                 AdversarialExample[] best, String[] notes) {
        int[] idx = java.util.stream.IntStream.range(0, x.count()).filter(i -> !best[i].success()).toArray();
        if (idx.length == 0) {
            return;
        }
        int d = x.shape().size();
        float[] px = new float[idx.length * d];
        int[] labels = new int[idx.length];
        int[] t = new int[idx.length];
        long[] subIds = new long[idx.length];
        AdversarialExample[] starts = new AdversarialExample[idx.length];
        for (int k = 0; k < idx.length; k++) {
            System.arraycopy(x.pixels(), idx[k] * d, px, k * d, d);
            labels[k] = x.labels()[idx[k]];
            t[k] = targets[idx[k]];
            subIds[k] = ids[idx[k]];
        }
        AttackResult refined = new FmnAttack(settings.norm()).refine(model, new Images(idx.length, x.shape(), px, labels),
                t, starts, subIds, fmnOptions());
        for (int k = 0; k < idx.length; k++) {
            best[idx[k]] = Attacks.better(best[idx[k]], refined.examples().get(k));
            notes[idx[k]] = "the PGD sweep found no adversarial to start Brendel-Bethge from: refined by FMN from zero";
        }
    }
}
