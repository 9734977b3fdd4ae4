package org.lowfreq.tensorflow;

import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Copies between Java arrays and tensors. Callers own (and close) every tensor made here. */
final class Tensors {
    private Tensors() {
    }

    /** An NHWC batch of {@code count} images from {@code pixels[from ...]}. */
    static TFloat32 images(float[] pixels, int from, int count, int height, int width, int channels) {
        int size = height * width * channels;
        TFloat32 t = TFloat32.tensorOf(Shape.of(count, height, width, channels));
        t.asRawTensor().data().asFloats().write(pixels, from * size, count * size);
        return t;
    }

    static TInt32 ints(int[] values, int from, int count) {
        TInt32 t = TInt32.tensorOf(Shape.of(count));
        t.asRawTensor().data().asInts().write(values, from, count);
        return t;
    }

    /** All values of a float tensor, row-major. */
    static float[] floats(Tensor tensor) {
        TFloat32 t = (TFloat32) tensor;
        float[] out = new float[(int) t.shape().size()];
        t.copyTo(DataBuffers.of(out, false, false));
        return out;
    }

    /** Copies a float tensor into {@code dst} at {@code offset}. */
    static void floatsInto(Tensor tensor, float[] dst, int offset) {
        TFloat32 t = (TFloat32) tensor;
        int n = (int) t.shape().size();
        t.asRawTensor().data().asFloats().read(dst, offset, n);
    }

    static float scalar(Tensor tensor) {
        return ((TFloat32) tensor).getFloat();
    }
}
