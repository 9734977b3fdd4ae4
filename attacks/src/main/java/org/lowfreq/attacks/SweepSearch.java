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
 * smallest success per image is the minimal epsilon.
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
        AdversarialExample[] best = new PgdSweep(settings, slots).run(model, x, targets, ids);
        String[] notes = new String[n];
        java.util.Arrays.fill(notes, "");
        if (settings.refinement() == Refinement.BB) {
            progress.status("batch from " + from + ": Brendel-Bethge refinement");
            BrendelBethgeRefinement.Result bb = new BrendelBethgeRefinement(settings.norm(), settings.bbSteps(),
                    settings.minProbability()).refine(model, x, targets, best);
            best = bb.examples();
            notes = bb.notes();
        } else {
            progress.status("batch from " + from + ": FMN refinement");
            FmnAttack fmn = new FmnAttack(settings.norm());
            AttackOptions fo = new AttackOptions(Double.NaN, settings.fmnSteps(), settings.fmnStepSize(), settings.fmnRestarts(),
                    settings.minProbability(), Seeds.derive(settings.seed(), "fmn"), Options.EMPTY);
            AttackResult refined = fmn.refine(model, x, targets, best, ids, fo);
            for (int i = 0; i < n; i++) {
                best[i] = Attacks.better(best[i], refined.examples().get(i));
            }
        }
        best = ScaleSearch.shrink(model, x, targets, best, settings.norm(), settings.minProbability(), settings.scaleIterations());
        double[] norm = new double[n];
        for (int i = 0; i < n; i++) {
            norm[i] = best[i].norm();
        }
        return BatchStore.Batch.of(from, x, best, norm, notes);
    }
}
