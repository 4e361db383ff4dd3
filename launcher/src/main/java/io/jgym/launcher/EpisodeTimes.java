package io.jgym.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * When each episode of a finished run was reported, read back from the run folder's TensorBoard
 * event files (TFRecords of Event protobufs: field 1 the wall time, field 2 the step, which is the
 * episode; field 5 its summary). {@code bench <trainer>} trains in child JVMs, so this is how it
 * learns the wall time at which a target was reached. A record cut off by a crash ends a file.
 */
final class EpisodeTimes {
    private static final int WALL_TIME = 1;
    private static final int STEP = 2;
    private static final int SUMMARY = 5;

    private final double start;
    private final Map<Long, Double> reported;

    private EpisodeTimes(double start, Map<Long, Double> reported) {
        this.start = start;
        this.reported = reported;
    }

    /** The times in {@code runFolder}'s event files; none when it has no event file. */
    static EpisodeTimes read(Path runFolder) {
        double start = Double.POSITIVE_INFINITY;
        Map<Long, Double> reported = new HashMap<>();
        try (Stream<Path> files = Files.list(runFolder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("events.out.tfevents.")).sorted().toList()) {
                ByteBuffer records = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
                while (records.remaining() >= 12) {
                    long length = records.getLong();
                    records.getInt();
                    if (length < 0 || records.remaining() < length + 4) {
                        break;
                    }
                    byte[] event = new byte[(int) length];
                    records.get(event);
                    records.getInt();
                    double[] wallStepSummary = decode(event);
                    start = Math.min(start, wallStepSummary[0]);
                    if (wallStepSummary[2] > 0) {
                        reported.putIfAbsent((long) wallStepSummary[1], wallStepSummary[0]);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the event files of " + runFolder, e);
        }
        return new EpisodeTimes(start, reported);
    }

    /** Seconds from the start of training to the report of {@code episode}; empty if unknown. */
    OptionalDouble secondsTo(long episode) {
        Double at = reported.get(episode);
        return at == null ? OptionalDouble.empty() : OptionalDouble.of(at - start);
    }

    /** Wall time, step and whether a summary is present (1 or 0) of one Event message. */
    private static double[] decode(byte[] event) {
        ByteBuffer in = ByteBuffer.wrap(event).order(ByteOrder.LITTLE_ENDIAN);
        double[] values = {Double.NaN, 0, 0};
        while (in.hasRemaining()) {
            long tag = varint(in);
            int field = (int) (tag >>> 3);
            switch ((int) (tag & 7)) {
                case 0 -> {
                    long value = varint(in);
                    if (field == STEP) {
                        values[1] = value;
                    }
                }
                case 1 -> {
                    double value = in.getDouble();
                    if (field == WALL_TIME) {
                        values[0] = value;
                    }
                }
                case 2 -> {
                    int length = (int) varint(in);
                    in.position(in.position() + length);
                    if (field == SUMMARY) {
                        values[2] = 1;
                    }
                }
                case 5 -> in.getInt();
                default -> throw new IllegalStateException("an event file holds an unknown protobuf wire type " + (tag & 7));
            }
        }
        return values;
    }

    private static long varint(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = in.get();
            value |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new IllegalStateException("a varint in an event file is too long");
    }
}
