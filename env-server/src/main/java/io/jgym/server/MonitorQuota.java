package io.jgym.server;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The monitor limits of one server, shared by all its monitors: steps per monitored episode, frames
 * and bytes per recording, and the bytes all recordings together may take on disk. Bytes are
 * counted as they are written, so a runaway recording stops at its limit instead of filling the disk.
 */
final class MonitorQuota {
    private final int maxEpisodeSteps;
    private final int maxFrames;
    private final long maxRecordingBytes;
    private final long maxTotalBytes;
    private final AtomicLong used;
    private final ServerMetrics metrics;

    MonitorQuota(ServerConfig config, ServerMetrics metrics) {
        this.maxEpisodeSteps = config.maxMonitoredEpisodeSteps();
        this.maxFrames = config.maxRecordingFrames();
        this.maxRecordingBytes = config.maxRecordingBytes();
        this.maxTotalBytes = config.maxMonitorBytes();
        this.used = metrics.monitorBytesHeld();
        this.metrics = metrics;
    }

    int maxEpisodeSteps() {
        return maxEpisodeSteps;
    }

    int maxFrames() {
        return maxFrames;
    }

    long maxRecordingBytes() {
        return maxRecordingBytes;
    }

    /** Counts {@code bytes} just written; false once all recordings together are over the total. */
    boolean wrote(long bytes) {
        metrics.monitorWrote(bytes);
        return used.addAndGet(bytes) <= maxTotalBytes;
    }

    /** Whether the total still has room for another frame. */
    boolean hasRoom() {
        return used.get() < maxTotalBytes;
    }

    /** Counts a recording ended early by a limit. */
    void cut() {
        metrics.recordingCut();
    }
}
