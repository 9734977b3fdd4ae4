package org.lowfreq.tensorflow;

import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.OptimizerOptions;

/**
 * How sessions run: intra- and inter-op thread counts (0 = TensorFlow's default), XLA
 * just-in-time compilation of the whole graph, and the batch size the classifier splits its input
 * into.
 */
public record SessionOptions(int intraOpThreads, int interOpThreads, boolean xla, int batchSize) {
    public static final SessionOptions DEFAULT = new SessionOptions(0, 0, false, 128);

    /** Options for {@code threads} compute threads (0 = default). */
    public static SessionOptions threads(int threads) {
        return new SessionOptions(threads, threads > 0 ? 1 : 0, false, 128);
    }

    public SessionOptions withXla(boolean on) {
        return new SessionOptions(intraOpThreads, interOpThreads, on, batchSize);
    }

    public SessionOptions withInterOpThreads(int n) {
        return new SessionOptions(intraOpThreads, n, xla, batchSize);
    }

    ConfigProto config() {
        ConfigProto.Builder b = ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(intraOpThreads)
                .setInterOpParallelismThreads(interOpThreads)
                .setAllowSoftPlacement(true);
        if (xla) {
            b.setGraphOptions(GraphOptions.newBuilder().setOptimizerOptions(
                    OptimizerOptions.newBuilder().setGlobalJitLevel(OptimizerOptions.GlobalJitLevel.ON_1)));
        }
        return b.build();
    }
}
