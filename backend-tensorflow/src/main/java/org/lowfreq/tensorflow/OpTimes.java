package org.lowfreq.tensorflow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.proto.StepStats;

/**
 * Where a session run spends its time, by TensorFlow op type, from TensorFlow's own trace
 * ({@code RunOptions} FULL_TRACE): the kernels' wall time per run, summed over the nodes of each
 * type (oneDNN kernels show as {@code _MklNative...}). With one inter-op thread the ops run one at a
 * time, so the sum is close to the run's wall time; tracing itself adds a little per op.
 */
final class OpTimes {
    /** One op type: milliseconds per run, and its share of the traced total. */
    record OpTime(String op, double millisPerRun, double share) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s %.2f ms (%.1f%%)", op, millisPerRun, 100 * share);
        }
    }

    private OpTimes() {
    }

    /**
     * Runs {@code warmup} untraced then {@code runs} traced runs of the runner {@code runner} makes
     * (a fresh one per run); the op types by falling time.
     */
    static List<OpTime> trace(Supplier<Session.Runner> runner, int warmup, int runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs " + runs);
        }
        for (int i = 0; i < warmup; i++) {
            try (Result r = runner.get().run()) {
                r.size();
            }
        }
        RunOptions traced = RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).build();
        Map<String, Long> micros = new HashMap<>();
        for (int i = 0; i < runs; i++) {
            try (Result r = runner.get().setOptions(traced).runAndFetchMetadata()) {
                RunMetadata md = r.getMetadata().orElseThrow(() -> new IllegalStateException("no run metadata"));
                add(md.getStepStats(), micros);
            }
        }
        return summarise(micros, runs);
    }

    static void add(StepStats stats, Map<String, Long> micros) {
        for (var device : stats.getDevStatsList()) {
            for (NodeExecStats node : device.getNodeStatsList()) {
                micros.merge(opType(node), node.getAllEndRelMicros(), Long::sum);
            }
        }
    }

    /** The op type of a traced node: its timeline label reads "name = Type(inputs)". */
    static String opType(NodeExecStats node) {
        String label = node.getTimelineLabel();
        int eq = label.indexOf(" = ");
        if (eq < 0) {
            return node.getNodeName(); // _SOURCE and the like carry no label
        }
        String rest = label.substring(eq + 3);
        int paren = rest.indexOf('(');
        return paren < 0 ? rest : rest.substring(0, paren);
    }

    static List<OpTime> summarise(Map<String, Long> micros, int runs) {
        double total = micros.values().stream().mapToLong(Long::longValue).sum();
        List<OpTime> out = new ArrayList<>();
        for (var e : micros.entrySet()) {
            out.add(new OpTime(e.getKey(), e.getValue() / 1000.0 / runs, total > 0 ? e.getValue() / total : 0));
        }
        out.sort(Comparator.comparingDouble(OpTime::millisPerRun).reversed().thenComparing(OpTime::op));
        return out;
    }

    /** The first {@code top} op types, the rest as one "other" entry, and the total, on one line. */
    static String describe(List<OpTime> times, int top) {
        StringBuilder b = new StringBuilder();
        double total = 0;
        double rest = 0;
        for (int i = 0; i < times.size(); i++) {
            total += times.get(i).millisPerRun();
            if (i < top) {
                b.append(i == 0 ? "" : ", ").append(times.get(i));
            } else {
                rest += times.get(i).millisPerRun();
            }
        }
        if (rest > 0) {
            b.append(String.format(Locale.ROOT, ", other %.2f ms", rest));
        }
        return String.format(Locale.ROOT, "%.1f ms traced per run: ", total) + b;
    }
}
