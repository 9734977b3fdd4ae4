package org.lowfreq.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.types.TFloat32;

class OpTimesTest {

    @Test
    void theOpTypeIsReadFromTheTimelineLabelAndTheNodeNameStandsInWithoutOne() {
        NodeExecStats conv = NodeExecStats.newBuilder().setNodeName("infer/Conv2D")
                .setTimelineLabel("infer/Conv2D = _MklNativeFusedConv2D(infer/Pad, var/k)").build();
        NodeExecStats source = NodeExecStats.newBuilder().setNodeName("_SOURCE").build();
        assertThat(OpTimes.opType(conv)).isEqualTo("_MklNativeFusedConv2D");
        assertThat(OpTimes.opType(source)).isEqualTo("_SOURCE");
    }

    @Test
    void summaryGivesMillisecondsPerRunAndSharesLargestFirst() {
        List<OpTimes.OpTime> times = OpTimes.summarise(Map.of("Relu", 1000L, "Conv2D", 3000L), 2);
        assertThat(times).extracting(OpTimes.OpTime::op).containsExactly("Conv2D", "Relu");
        assertThat(times.get(0).millisPerRun()).isCloseTo(1.5, within(1e-12));
        assertThat(times.get(0).share()).isCloseTo(0.75, within(1e-12));
        assertThat(times.get(1).millisPerRun()).isCloseTo(0.5, within(1e-12));
        assertThat(OpTimes.describe(times, 1)).isEqualTo("2.0 ms traced per run: Conv2D 1.50 ms (75.0%), other 0.50 ms");
    }

    @Test
    void aTracedRunNamesItsOpsAndTheSharesAddUpToOne() {
        float[] v = new float[256 * 256];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i % 7) / 7f;
        }
        try (Graph g = new Graph(); Session s = new Session(g);
             TFloat32 value = TFloat32.tensorOf(Shape.of(256, 256), DataBuffers.of(v, true, false))) {
            Ops tf = Ops.create(g);
            // fed, not a constant: grappler would fold a constant expression away before it runs
            Operand<TFloat32> a = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(256, 256)));
            Operand<TFloat32> y = tf.math.add(tf.linalg.matMul(a, a), a);
            List<OpTimes.OpTime> times = OpTimes.trace(() -> s.runner().feed(a, value).fetch(y), 1, 3);
            assertThat(times).extracting(OpTimes.OpTime::op).anyMatch(op -> op.contains("MatMul"));
            assertThat(times.stream().mapToDouble(OpTimes.OpTime::share).sum()).isCloseTo(1.0, within(1e-9));
            assertThat(times).allMatch(t -> t.millisPerRun() >= 0);
            for (int i = 1; i < times.size(); i++) {
                assertThat(times.get(i).millisPerRun()).isLessThanOrEqualTo(times.get(i - 1).millisPerRun());
            }
        }
    }
}
