package org.lowfreq.datasets.npy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.spi.UserInputException;

class NpyTest {
    @TempDir
    Path dir;

    /** An NPY 1.0 file built by hand from the spec: magic, version, LE header length, dict, padding, data. */
    static byte[] handMade(String dict, int headerLen, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0,
                (byte) (headerLen & 0xff), (byte) (headerLen >> 8)});
        String text = dict + " ".repeat(headerLen - dict.length() - 1) + "\n";
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(data);
        return out.toByteArray();
    }

    static byte[] floatsLe(float... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) {
            b.putFloat(f);
        }
        return b.array();
    }

    // numpy 2.4: np.save(f, (np.arange(6, dtype='<f4') / 4).reshape(2, 3)) writes exactly these bytes
    private static final byte[] NUMPY_F4 = handMade("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", 118,
            floatsLe(0f, 0.25f, 0.5f, 0.75f, 1f, 1.25f));

    @Test
    void readsAFileInNumpysLayout() throws Exception {
        Path f = dir.resolve("a.npy");
        Files.write(f, NUMPY_F4);
        assertThat(NUMPY_F4).hasSize(152);
        NpyArray a = NpyArray.read(f);
        assertThat(a.type()).isEqualTo(NpyType.FLOAT32);
        assertThat(a.shape()).containsExactly(2, 3);
        assertThat(a.float32()).containsExactly(0f, 0.25f, 0.5f, 0.75f, 1f, 1.25f);
    }

    @Test
    void writesTheSameBytesAsNumpy() throws Exception {
        Path f = dir.resolve("w.npy");
        NpyWriter.writeFloat32(f, new int[] {2, 3}, new float[] {0f, 0.25f, 0.5f, 0.75f, 1f, 1.25f});
        assertThat(Files.readAllBytes(f)).isEqualTo(NUMPY_F4);

        byte[] u1 = handMade("{'descr': '|u1', 'fortran_order': False, 'shape': (5,), }", 118,
                new byte[] {0, 1, 2, (byte) 254, (byte) 255});
        Path g = dir.resolve("u.npy");
        NpyWriter.writeUint8(g, new int[] {5}, new byte[] {0, 1, 2, (byte) 254, (byte) 255});
        assertThat(Files.readAllBytes(g)).isEqualTo(u1);
    }

    @Test
    void headersAreAlignedTo64Bytes() {
        for (int[] shape : new int[][] {{}, {1}, {50000, 32, 32, 3}, {7, 1, 123456789}}) {
            assertThat(NpyWriter.header(NpyType.UINT8, shape).length % 64).as(Arrays.toString(shape)).isZero();
        }
    }

    @Test
    void uint8RoundTrip() {
        byte[] data = new byte[2 * 4 * 4 * 3];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7);
        }
        Path f = dir.resolve("u8.npy");
        NpyWriter.writeUint8(f, new int[] {2, 4, 4, 3}, data);
        NpyArray a = NpyArray.read(f);
        assertThat(a.shape()).containsExactly(2, 4, 4, 3);
        assertThat(a.uint8()).isEqualTo(data);
        assertThat(a.toInts()[255 / 7 + 1]).isEqualTo((37 * 7) & 0xff);
    }

    @Test
    void float32RoundTripKeepsEveryBit() {
        float[] data = {0f, -0f, 1e-40f, Float.MAX_VALUE, Float.NaN, Float.NEGATIVE_INFINITY, 0.1f, -3.5f};
        Path f = dir.resolve("f.npy");
        NpyWriter.writeFloat32(f, new int[] {2, 4}, data);
        float[] back = NpyArray.read(f).float32();
        for (int i = 0; i < data.length; i++) {
            assertThat(Float.floatToRawIntBits(back[i])).isEqualTo(Float.floatToRawIntBits(data[i]));
        }
    }

    @Test
    void int64LabelsAndBigEndianFloats() throws Exception {
        Path f = dir.resolve("labels.npy");
        NpyWriter.writeInt64(f, new int[] {4}, new int[] {3, 8, 8, 0});
        assertThat(NpyArray.read(f).toInts()).containsExactly(3, 8, 8, 0);
        assertThat(NpyArray.read(f).type()).isEqualTo(NpyType.INT64);

        Path be = dir.resolve("be.npy");
        Files.write(be, handMade("{'descr': '>f4', 'fortran_order': False, 'shape': (2,), }", 118,
                new byte[] {0x3f, (byte) 0xc0, 0, 0, (byte) 0xc0, 0, 0, 0}));
        assertThat(NpyArray.read(be).float32()).containsExactly(1.5f, -2f);
    }

    @Test
    void readsRowRanges() {
        float[] data = new float[5 * 3];
        for (int i = 0; i < data.length; i++) {
            data[i] = i;
        }
        Path f = dir.resolve("rows.npy");
        NpyWriter.writeFloat32(f, new int[] {5, 3}, data);
        NpyArray rows = NpyArray.readRows(f, 2, 2);
        assertThat(rows.shape()).containsExactly(2, 3);
        assertThat(rows.float32()).containsExactly(6, 7, 8, 9, 10, 11);
        assertThatThrownBy(() -> NpyArray.readRows(f, 4, 2)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("rows.npy");
    }

    @Test
    void refusesTruncatedAndForeignFiles() throws Exception {
        Path f = dir.resolve("short.npy");
        Files.write(f, Arrays.copyOf(NUMPY_F4, NUMPY_F4.length - 1));
        assertThatThrownBy(() -> NpyArray.read(f)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("short.npy").hasMessageContaining("truncated");

        Path g = dir.resolve("text.npy");
        Files.writeString(g, "hello, not numpy");
        assertThatThrownBy(() -> NpyArray.read(g)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("text.npy").hasMessageContaining("not an NPY file");

        Path h = dir.resolve("fortran.npy");
        Files.write(h, handMade("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), }", 118, floatsLe(0, 1, 2, 3, 4, 5)));
        assertThatThrownBy(() -> NpyArray.read(h)).hasMessageContaining("Fortran");

        Path c = dir.resolve("complex.npy");
        Files.write(c, handMade("{'descr': '<c8', 'fortran_order': False, 'shape': (1,), }", 118, new byte[8]));
        assertThatThrownBy(() -> NpyArray.read(c)).hasMessageContaining("<c8").hasMessageContaining("complex.npy");
    }

    @Test
    void writerRefusesAShapeThatDoesNotFit() {
        assertThatThrownBy(() -> NpyWriter.writeUint8(dir.resolve("x.npy"), new int[] {2, 2}, new byte[3]))
                .isInstanceOf(UserInputException.class).hasMessageContaining("needs 4");
        assertThat(dir.resolve("x.npy")).doesNotExist();
    }

    @Test
    void writingReplacesAtomicallyAndLeavesNoTempFiles() throws Exception {
        Path f = dir.resolve("r.npy");
        NpyWriter.writeUint8(f, new int[] {1}, new byte[] {1});
        NpyWriter.writeUint8(f, new int[] {2}, new byte[] {2, 3});
        assertThat(NpyArray.read(f).uint8()).containsExactly(2, 3);
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("r.npy");
        }
    }
}
