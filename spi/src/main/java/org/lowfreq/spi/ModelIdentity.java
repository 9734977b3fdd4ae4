package org.lowfreq.spi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a model is, by content: a SHA-256 over every file of its folder (weights, graph and model
 * card, by relative path), so two models with the same card name are told apart. A resumable output
 * (attack batches, probe and corruption results) records the hash of the model it was started with
 * in {@value #FILE_NAME} and refuses to continue with another model.
 */
public final class ModelIdentity {
    /** The file in an output folder that names the model it belongs to. */
    public static final String FILE_NAME = "model-identity.txt";

    private ModelIdentity() {
    }

    /**
     * The content hash of a model folder: every regular file except hidden ones (temporary files) and
     * a training run's {@code checkpoints/}, in path order; each file's relative path and bytes.
     */
    public static String contentHash(Path modelDir) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            List<Path> files;
            try (Stream<Path> walk = Files.walk(modelDir)) {
                files = walk.filter(Files::isRegularFile).filter(f -> include(modelDir.relativize(f))).sorted().toList();
            }
            byte[] buf = new byte[1 << 16];
            for (Path f : files) {
                sha.update(modelDir.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                try (InputStream in = Files.newInputStream(f)) {
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        sha.update(buf, 0, n);
                    }
                }
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UserInputException("cannot read model " + modelDir + ": " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    private static boolean include(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.startsWith(".") || name.equals("checkpoints")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Records the model's content hash in {@code outDir}, or, when the folder already names a model,
     * refuses to go on with a different one (its finished parts belong to that model).
     */
    public static void recordOrCheck(Path outDir, Path modelDir) {
        String hash = contentHash(modelDir);
        Path file = outDir.resolve(FILE_NAME);
        if (Files.isRegularFile(file)) {
            String recorded;
            try {
                recorded = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("").trim();
            } catch (IOException e) {
                throw new UserInputException("cannot read " + file + ": " + e.getMessage());
            }
            if (!recorded.startsWith(hash)) {
                throw new UserInputException("output folder " + outDir + " holds results of another model (content "
                        + recorded + "); model " + modelDir + " has content " + hash,
                        "use another --out folder, or delete " + outDir + " to start over with this model");
            }
            return;
        }
        AtomicFiles.writeString(file, hash + "  " + modelDir.toAbsolutePath().normalize() + "\n");
    }
}
