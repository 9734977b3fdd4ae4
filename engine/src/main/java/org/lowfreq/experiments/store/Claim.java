package org.lowfreq.experiments.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.ScheduledFuture;

/**
 * A held claim on one job: the claim file exists with this claim's token. A heartbeat touches the
 * file's modification time so runners on other hosts can tell a live holder from a dead one.
 * Closing releases the claim (deletes the file if it is still ours). A runner that starts each job
 * in a child process keeps the claim (and its heartbeat) and hands its token to the child, which
 * adopts it.
 */
public final class Claim implements AutoCloseable {
    private final ResultStore store;
    private final String hash;
    private final String token;
    private final boolean adopted;
    private volatile ScheduledFuture<?> heartbeat;
    private volatile boolean lost;

    Claim(ResultStore store, String hash, String token, boolean adopted) {
        this.store = store;
        this.hash = hash;
        this.token = token;
        this.adopted = adopted;
    }

    public String hash() {
        return hash;
    }

    public String token() {
        return token;
    }

    void heartbeat(ScheduledFuture<?> future) {
        this.heartbeat = future;
    }

    /** Touches the claim file; marks the claim lost if the file is no longer ours. */
    void beat() {
        if (!stillOwned()) {
            lost = true;
            return;
        }
        try {
            Files.setLastModifiedTime(store.claimFile(hash), FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            // a missed beat is harmless unless it lasts longer than the stale time; the next one retries
        }
    }

    /** True while the claim file holds this claim's token. */
    public boolean stillOwned() {
        if (lost) {
            return false;
        }
        ClaimInfo info = store.readClaim(hash).orElse(null);
        if (info == null || !token.equals(info.token())) {
            lost = true;
        }
        return !lost;
    }

    /**
     * Stops the heartbeat and deletes the claim file if it is still ours. An adopted claim (a job
     * process working under its parent runner's claim) is left alone: the parent releases it.
     */
    @Override
    public void close() {
        ScheduledFuture<?> f = heartbeat;
        if (f != null) {
            f.cancel(false);
        }
        if (!adopted && stillOwned()) {
            Path file = store.claimFile(hash);
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // the claim then looks stale to others once our process is gone
            }
        }
    }
}
