package org.lowfreq.corruptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.spi.Options;
import org.lowfreq.spi.Resolution;
import org.lowfreq.spi.UserInputException;

/** The frost photographs: shipped in the jar, overridable by a checked folder. */
class FrostImagesTest {
    @TempDir
    Path tmp;

    /** A folder holding copies of the six bundled photographs. */
    private Path copyOfBundled() throws IOException {
        Path dir = tmp.resolve("frost");
        Files.createDirectories(dir);
        for (String[] f : FrostImages.FILES) {
            try (InputStream in = FrostImages.class.getResourceAsStream("frost/" + f[0])) {
                assertThat(in).as(f[0] + " in the jar").isNotNull();
                Files.copy(in, dir.resolve(f[0]));
            }
        }
        return dir;
    }

    @Test
    void bundledPhotographsHaveThePublishedChecksumsAndSizes() throws IOException {
        for (String[] f : FrostImages.FILES) {
            try (InputStream in = FrostImages.class.getResourceAsStream("frost/" + f[0])) {
                assertThat(FrostImages.md5(in.readAllBytes())).as(f[0]).isEqualTo(f[1]);
            }
        }
        List<FrostImages.Photo> photos = FrostImages.bundled().photos(Resolution.CIFAR_32);
        assertThat(photos).hasSize(6);
        for (FrostImages.Photo p : photos) {
            // the reference crops 32 px windows from the photographs shrunk by 0.2
            assertThat(p.height()).isGreaterThan(32);
            assertThat(p.width()).isGreaterThan(32);
            assertThat(p.rgb()).hasSize(p.height() * p.width() * 3);
        }
        assertThat(FrostImages.bundled().origin()).isEqualTo("bundled");
    }

    @Test
    void overrideFolderIsUsedWhenItHoldsTheOriginals() throws IOException {
        Path dir = copyOfBundled();
        assertThat(FrostImages.resolve(dir, null).origin()).isEqualTo(dir.toString());
        assertThat(FrostImages.resolve(null, dir.toString()).origin()).isEqualTo(dir.toString());
        // the flag wins over the variable
        assertThat(FrostImages.resolve(dir, "/elsewhere").origin()).isEqualTo(dir.toString());
        assertThat(FrostImages.resolve(null, " ").origin()).isEqualTo("bundled");
        assertThat(FrostImages.folder(dir).photos(Resolution.CIFAR_32)).hasSize(6);
    }

    @Test
    void missingFolderIsRefusedNamingTheFlagAndTheVariable() {
        Path missing = tmp.resolve("nowhere");
        for (Runnable r : List.<Runnable>of(() -> FrostImages.resolve(missing, null),
                () -> FrostImages.resolve(null, missing.toString()))) {
            assertThatThrownBy(r::run).isInstanceOf(UserInputException.class)
                    .hasMessageContaining(missing.toString()).hasMessageContaining("--frost-dir")
                    .hasMessageContaining("LOWFREQ_FROST_DIR");
        }
    }

    @Test
    void missingOrChangedFileIsRefusedNamingTheFlagAndTheVariable() throws IOException {
        Path dir = copyOfBundled();
        Files.writeString(dir.resolve("frost4.jpg"), "not the photograph");
        assertThatThrownBy(() -> FrostImages.folder(dir)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("frost4.jpg").hasMessageContaining("MD5")
                .hasMessageContaining("--frost-dir").hasMessageContaining("LOWFREQ_FROST_DIR");
        Files.delete(dir.resolve("frost4.jpg"));
        assertThatThrownBy(() -> FrostImages.folder(dir)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("frost4.jpg").hasMessageContaining("missing")
                .hasMessageContaining("--frost-dir").hasMessageContaining("LOWFREQ_FROST_DIR");
    }

    @Test
    void pluginTakesTheProbeOptionAndChecksItAtOnce() throws IOException {
        CorruptionsPlugin plugin = new CorruptionsPlugin();
        Path missing = tmp.resolve("nowhere");
        assertThatThrownBy(() -> plugin.corruptions(Options.of("frost_dir", missing.toString())))
                .isInstanceOf(UserInputException.class).hasMessageContaining("--frost-dir")
                .hasMessageContaining("LOWFREQ_FROST_DIR");
        assertThat(plugin.corruptions(Options.of("frost_dir", copyOfBundled().toString()))).hasSize(19);
        assertThat(plugin.corruptions(Options.EMPTY)).hasSize(19);
    }
}
