package org.lowfreq.experiments.store;

import java.time.Instant;

/**
 * The content of a claim file: who holds the job.
 *
 * @param token        unique per claim (a runner compares it to know the claim is still its own)
 * @param host         host name of the holder
 * @param pid          process id of the holder
 * @param processStart start time of that process, to tell a reused pid from the holder
 * @param heartbeat    last heartbeat (the claim file's modification time)
 */
public record ClaimInfo(String token, String host, long pid, String processStart, Instant heartbeat) {
    @Override
    public String toString() {
        return "pid " + pid + " on " + host + ", heartbeat " + heartbeat;
    }
}
