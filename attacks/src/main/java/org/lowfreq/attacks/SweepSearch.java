package org.lowfreq.attacks;

import java.util.ArrayList;
import java.util.List;
import org.lowfreq.spi.AdversarialExample;
import org.lowfreq.spi.AttackOptions;
import org.lowfreq.spi.AttackResult;
import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.Options;
import org.lowfreq.spi.ProgressListener;
import org.lowfreq.spi.Seeds;

/**
 * {@link SearchProtocol#SWEEP}: targeted PGD at each epsilon of the grid, ascending, on the images
 * not yet successful (the first success per image is kept); FMN from that success (or from zero),
 * with restarts; then {@link ScaleSearch} shrinks each success along its own direction. The
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
        AdversarialExample[] best = new AdversarialExample[n];
        PgdAttack pgd = new PgdAttack(settings.norm());
        double[] grid = settings.epsilonGrid();
        for (int j = 0; j < grid.length; j++) {
            List<Integer> open = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (best[i] == null || !best[i].success()) {
                    open.add(i);
                }
            }
            if (open.isEmpty()) {
                break;
            }
            int[] idx = open.stream().mapToInt(Integer::intValue).toArray();
            int[] t = new int[idx.length];
            long[] subIds = new long[idx.length];
            for (int k = 0; k < idx.length; k++) {
                t[k] = targets[idx[k]];
                subIds[k] = ids[idx[k]];
            }
            AttackOptions o = new AttackOptions(grid[j], settings.pgdSteps(), settings.pgdRelativeStep(), 1,
                    settings.minProbability(), Seeds.derive(settings.seed(), "sweep", j), Options.EMPTY);
            AttackResult r = pgd.run(model, x.select(idx), t, subIds, o);
            for (int k = 0; k < idx.length; k++) {
                best[idx[k]] = Attacks.better(best[idx[k]], r.examples().get(k));
            }
            progress.status("batch from " + from + ": sweep eps=" + grid[j] + ", " + (idx.length) + " open");
        }
        progress.status("batch from " + from + ": FMN refinement");
        FmnAttack fmn = new FmnAttack(settings.norm());
        AttackOptions fo = new AttackOptions(Double.NaN, settings.fmnSteps(), settings.fmnStepSize(), settings.fmnRestarts(),
                settings.minProbability(), Seeds.derive(settings.seed(), "fmn"), Options.EMPTY);
        AttackResult refined = fmn.refine(model, x, targets, best, ids, fo);
        for (int i = 0; i < n; i++) {
            best[i] = Attacks.better(best[i], refined.examples().get(i));
        }
        best = ScaleSearch.shrink(model, x, targets, best, settings.norm(), settings.minProbability(), settings.scaleIterations());
        double[] norm = new double[n];
        for (int i = 0; i < n; i++) {
            norm[i] = best[i].norm();
        }
        return BatchStore.Batch.of(from, x, best, norm);
    }
}
