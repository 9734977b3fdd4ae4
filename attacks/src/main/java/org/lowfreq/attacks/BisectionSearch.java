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
 * {@link SearchProtocol#BISECTION}, the paper code's protocol: targeted PGD at the largest
 * epsilon of the grid, where an image that fails counts as a failure; then, for the others,
 * {@code bisectionSteps} steps on [lo, hi] = [0, eps_max]: PGD at the mid-point (each image at its
 * own, in one batch), success judged on PGD's final iterate, a success moves hi, a failure lo.
 * The minimal epsilon is hi, the upper end of the final interval: always a budget at which PGD
 * succeeded, within {@code eps_max / 2^steps} above the smallest budget the bisection could see.
 */
final class BisectionSearch implements BatchSearch {
    private final ProtocolSettings settings;

    BisectionSearch(ProtocolSettings settings) {
        this.settings = settings;
    }

    @Override
    public BatchStore.Batch attack(Classifier model, Images x, int[] targets, int from, ProgressListener progress) {
        int n = x.count();
        long[] ids = BatchSearch.ids(from, n);
        PgdAttack pgd = new PgdAttack(settings.norm());
        double epsMax = settings.maxEpsilon();
        AttackResult first = pgd.run(model, x, targets, ids, options(0, epsMax));
        AdversarialExample[] best = first.examples().toArray(new AdversarialExample[0]);
        double[] lo = new double[n];
        double[] hi = new double[n];
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            hi[i] = best[i].success() ? epsMax : Double.NaN;
            if (best[i].success()) {
                open.add(i);
            }
        }
        progress.status("batch from " + from + ": " + open.size() + "/" + n + " succeed at eps_max=" + epsMax);
        int[] idx = open.stream().mapToInt(Integer::intValue).toArray();
        int[] t = new int[idx.length];
        long[] subIds = new long[idx.length];
        for (int k = 0; k < idx.length; k++) {
            t[k] = targets[idx[k]];
            subIds[k] = ids[idx[k]];
        }
        Images sub = x.select(idx);
        for (int step = 1; step <= settings.bisectionSteps() && idx.length > 0; step++) {
            double[] mid = new double[idx.length];
            for (int k = 0; k < idx.length; k++) {
                mid[k] = (lo[idx[k]] + hi[idx[k]]) / 2;
            }
            AttackResult r = pgd.run(model, sub, t, subIds, options(step, Double.NaN), mid);
            for (int k = 0; k < idx.length; k++) {
                AdversarialExample a = r.examples().get(k);
                if (a.success()) {
                    hi[idx[k]] = mid[k];
                    best[idx[k]] = a;
                } else {
                    lo[idx[k]] = mid[k];
                }
            }
            progress.status("batch from " + from + ": bisection step " + step + "/" + settings.bisectionSteps());
        }
        return BatchStore.Batch.of(from, x, best, hi);
    }

    private AttackOptions options(int step, double epsilon) {
        return new AttackOptions(epsilon, settings.pgdSteps(), settings.pgdRelativeStep(), 1, settings.minProbability(),
                Seeds.derive(settings.seed(), "bisection", step), Options.EMPTY);
    }
}
