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

    /**
     * An NHWC batch of {@code padded} images: {@code count} from {@code pixels[from ...]}, then zero
     * images (TensorFlow does not clear new tensors, so they are written explicitly).
     */
    static TFloat32 paddedImages(float[] pixels, int from, int count, int padded, int height, int width, int channels) {
        int size = height * width * channels;
        TFloat32 t = TFloat32.tensorOf(Shape.of(padded, height, width, channels));
        var data = t.asRawTensor().data().asFloats();
        data.write(pixels, from * size, count * size);
        if (padded > count) {
            data.offset((long) count * size).write(new float[(padded - count) * size]);
        }
        return t;
    }

    /** {@code count} values from {@code values[from ...]}, then zeros up to {@code padded}. */
    static TInt32 paddedInts(int[] values, int from, int count, int padded) {
        int[] v = new int[padded];
        System.arraycopy(values, from, v, 0, count);
        return ints(v, 0, padded);
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

    /** Copies the first {@code count} values of a float tensor into {@code dst} at {@code offset}. */
    static void floatsInto(Tensor tensor, float[] dst, int offset, int count) {
        ((TFloat32) tensor).asRawTensor().data().asFloats().read(dst, offset, count);
    }

    static float scalar(Tensor tensor) {
        return ((TFloat32) tensor).getFloat();
    }
}
