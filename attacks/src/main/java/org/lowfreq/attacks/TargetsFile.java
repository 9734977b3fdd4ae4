package org.lowfreq.attacks;

import java.nio.file.Path;
import java.util.List;
import org.lowfreq.analysis.results.IntegerCsv;
import org.lowfreq.spi.UserInputException;

/**
 * User-given attack targets ({@code lowfreq attack --targets FILE}), so that two tools attack the
 * same images towards the same classes: a CSV with a header naming the columns {@code index} and
 * {@code target} (others, such as the {@code label} of the protocol's own {@code targets.csv}, are
 * ignored), one row per attacked image. A valid file gives every image 0..N-1 exactly one target
 * that is a class of the model and differs from the image's label. The targets need not be a
 * permutation of the labels (other tools draw them independently per image). The first bad row
 * is named.
 */
public final class TargetsFile {
    private TargetsFile() {
    }

    /** The target of each image, index by index. */
    public static int[] read(Path file, int[] labels, int classes) {
        IntegerCsv.Table t = IntegerCsv.read(file, List.of("index", "target"));
        int n = labels.length;
        int[] targets = new int[n];
        int[] rowOf = new int[n];
        java.util.Arrays.fill(rowOf, -1);
        for (int r = 0; r < t.rows(); r++) {
            long index = t.values().get(r)[0];
            long target = t.values().get(r)[1];
            String where = t.where(r);
            if (index < 0 || index >= n) {
                throw bad(where, "index " + index + " is not one of the " + n + " attacked images (0.." + (n - 1) + ")");
            }
            int i = (int) index;
            if (rowOf[i] >= 0) {
                throw bad(where, "index " + i + " appears a second time (first at line " + t.line()[rowOf[i]] + ")");
            }
            if (target < 0 || target >= classes) {
                throw bad(where, "target " + target + " of image " + i + " is not a class (0.." + (classes - 1) + ")");
            }
            if (target == labels[i]) {
                throw bad(where, "target " + target + " of image " + i + " is its own label");
            }
            rowOf[i] = r;
            targets[i] = (int) target;
        }
        if (t.rows() != n) {
            int missing = 0;
            while (rowOf[missing] >= 0) {
                missing++;
            }
            throw new UserInputException(file + " gives targets for " + t.rows() + " images, not " + n
                    + " (first missing index: " + missing + ")", "give one row per attacked image (--n " + n + ")");
        }
        return targets;
    }

    private static UserInputException bad(String where, String what) {
        return new UserInputException(where + ": " + what,
                "every image 0..N-1 needs exactly one row 'index,target' with a target class other than its label");
    }
}
