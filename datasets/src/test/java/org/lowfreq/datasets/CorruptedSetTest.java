package org.lowfreq.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.datasets.npy.NpyArray;
import org.lowfreq.datasets.npy.NpyType;
import org.lowfreq.datasets.npy.NpyWriter;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.UserInputException;

class CorruptedSetTest {
    @TempDir
    Path root;

    private final List<String> classes = CifarLayout.cifar10().defaultClassNames();

    /** The official layout written by hand: image k of severity s has every byte = 10 s + k. */
    private Path officialLayout(int n) {
        Path dir = root.resolve("CIFAR-10-C");
        byte[] px = new byte[5 * n * 32 * 32 * 3];
        int per = 32 * 32 * 3;
        for (int s = 0; s < 5; s++) {
            for (int k = 0; k < n; k++) {
                java.util.Arrays.fill(px, (s * n + k) * per, (s * n + k + 1) * per, (byte) (10 * (s + 1) + k));
            }
        }
        NpyWriter.writeUint8(dir.resolve("fog.npy"), new int[] {5 * n, 32, 32, 3}, px);
        NpyWriter.writeUint8(dir.resolve("snow.npy"), new int[] {5 * n, 32, 32, 3}, new byte[px.length]);
        long[] labels = new long[5 * n];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (i % n) % 10;
        }
        NpyWriter.writeInt64(dir.resolve("labels.npy"), new int[] {5 * n}, labels);
        return dir;
    }

    @Test
    void slicesPickTheirSeverity() {
        officialLayout(3);
        CorruptedSet c = CorruptedSetProvider.cifar10C().open(root);
        assertThat(c.corruptions()).containsExactly("fog", "snow");
        assertThat(c.perSeverity()).isEqualTo(3);
        assertThat(c.shape()).isEqualTo(new ImageShape(32, 32, 3));
        assertThat(c.splits()).hasSize(10).contains("fog-1", "snow-5");
        Images s4 = c.slice("fog", 4);
        assertThat(s4.count()).isEqualTo(3);
        assertThat(s4.labels()).containsExactly(0, 1, 2);
        assertThat(s4.image(2)[100]).isEqualTo(42 / 255f);
        Images part = c.read("fog-2", 1, 1);
        assertThat(part.pixels()[0]).isEqualTo(21 / 255f);
        assertThat(part.labels()).containsExactly(1);
        assertThatThrownBy(() -> c.read("fog-6", 0, 1)).isInstanceOf(UserInputException.class);
    }

    @Test
    void writerProducesTheOfficialLayout() {
        Path dir = root.resolve("gen");
        List<Images> sev = new ArrayList<>();
        for (int s = 1; s <= 5; s++) {
            float[] px = new float[2 * 4 * 4 * 3];
            java.util.Arrays.fill(px, s / 10f);
            sev.add(new Images(2, new ImageShape(4, 4, 3), px, new int[] {5, 6}));
        }
        CorruptedSet.writeCorruption(dir, "blur", sev);
        CorruptedSet.writeLabels(dir, new int[] {5, 6});
        NpyArray a = NpyArray.read(dir.resolve("blur.npy"));
        assertThat(a.type()).isEqualTo(NpyType.UINT8);
        assertThat(a.shape()).containsExactly(10, 4, 4, 3);
        assertThat(a.uint8()[a.uint8().length - 1] & 0xff).isEqualTo(128); // round(0.5 * 255)
        assertThat(NpyArray.read(dir.resolve("labels.npy")).toInts()).containsExactly(5, 6, 5, 6, 5, 6, 5, 6, 5, 6);
        CorruptedSet c = new CorruptedSet("gen", dir, classes, "hint");
        assertThat(c.slice("blur", 3).pixels()[0]).isEqualTo(Math.round(0.3f * 255) / 255f);
    }

    @Test
    void inconsistentFilesAreRefusedByName() throws Exception {
        Path dir = officialLayout(2);
        NpyWriter.writeUint8(dir.resolve("odd.npy"), new int[] {7, 32, 32, 3}, new byte[7 * 3072]);
        assertThatThrownBy(() -> CorruptedSetProvider.cifar10C().open(root)).hasMessageContaining("odd.npy");
        Files.delete(dir.resolve("odd.npy"));
        NpyWriter.writeInt64(dir.resolve("labels.npy"), new int[] {3}, new long[] {0, 1, 2});
        assertThatThrownBy(() -> CorruptedSetProvider.cifar10C().open(root)).hasMessageContaining("labels.npy")
                .hasMessageContaining("3 labels");
        NpyWriter.writeInt64(dir.resolve("labels.npy"), new int[] {2}, new long[] {0, 10});
        assertThatThrownBy(() -> CorruptedSetProvider.cifar10C().open(root)).hasMessageContaining("label 10");
    }

    @Test
    void absentSetSaysWhereToGetIt() {
        assertThat(CorruptedSetProvider.cifar10C().isPresent(root)).isFalse();
        assertThatThrownBy(() -> CorruptedSetProvider.cifar10C().open(root)).isInstanceOf(UserInputException.class)
                .satisfies(e -> assertThat(((UserInputException) e).hint()).contains("zenodo"));
    }
}
