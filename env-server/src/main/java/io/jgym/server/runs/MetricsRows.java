package io.jgym.server.runs;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows a run's {@code metrics.csv} as the child process appends to it: the column names and the
 * rows not yet seen, each as a map from column to value ({@code episode} and {@code total_steps} as
 * whole numbers, a metric the episode did not measure as null). It keeps its byte position, so a
 * live run is read once however often it is polled. When the file is replaced (a resumed run
 * rewrites it without the rows after its checkpoint, and trains those episodes again) it starts
 * again from its first episode, so a follower gets the rows as they now are (an episode it had
 * seen comes again: drop what it had from there on). A last line still being written is left for
 * the next poll. The metrics route reads a page with a fresh one; each event stream keeps its own.
 */
final class MetricsRows {
    private static final String EPISODE = "episode";
    private static final String TOTAL_STEPS = "total_steps";

    private final Path csv;
    private final long firstEpisode;
    private List<String> columns = List.of();
    private long position;
    private long nextEpisode;
    private Object fileKey;

    /** @param sinceEpisode the first episode to hand out (0 for all rows) */
    MetricsRows(Path csv, long sinceEpisode) {
        this.csv = csv;
        this.firstEpisode = sinceEpisode;
        this.nextEpisode = sinceEpisode;
    }

    /** The columns, {@code episode} and {@code total_steps} first; empty until the run wrote its first row. */
    List<String> columns() {
        return columns;
    }

    /** The episode after the last row handed out: where a client continues with {@code ?since=}. */
    long nextEpisode() {
        return nextEpisode;
    }

    /** The rows written since the last call, at most {@code limit} of them (more come with the next call). */
    List<Map<String, Object>> poll(int limit) {
        try {
            Object key = Files.readAttributes(csv, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
            long size = Files.size(csv);
            if (fileKey != null && (!fileKey.equals(key) || size < position)) {
                position = 0; // replaced by a resumed run: hand the rows out again as they now are
                nextEpisode = firstEpisode;
            }
            fileKey = key;
            if (size == position) {
                return List.of();
            }
            return read(limit);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + csv, e);
        }
    }

    private List<Map<String, Object>> read(int limit) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (RandomAccessFile file = new RandomAccessFile(csv.toFile(), "r")) {
            file.seek(position);
            byte[] rest = new byte[(int) Math.min(file.length() - position, 16L << 20)];
            file.readFully(rest);
            int start = 0;
            for (int i = 0; i < rest.length && rows.size() < limit; i++) {
                if (rest[i] != '\n') {
                    continue;
                }
                String line = new String(rest, start, i - start, StandardCharsets.UTF_8);
                start = i + 1;
                if (line.startsWith(EPISODE + ",")) {
                    columns = List.of(line.split(",", -1));
                    continue;
                }
                Map<String, Object> row = row(line);
                if (row != null && ((Number) row.get(EPISODE)).longValue() >= nextEpisode) {
                    rows.add(row);
                    nextEpisode = ((Number) row.get(EPISODE)).longValue() + 1;
                }
            }
            position += start;
        }
        return rows;
    }

    /** One CSV line as a row; null for a line that does not fit the columns. */
    private Map<String, Object> row(String line) {
        String[] cells = line.split(",", -1);
        if (cells.length != columns.size() || columns.size() < 2) {
            return null;
        }
        Map<String, Object> row = new LinkedHashMap<>();
        try {
            row.put(EPISODE, Long.parseLong(cells[0]));
            row.put(TOTAL_STEPS, Long.parseLong(cells[1]));
            for (int i = 2; i < cells.length; i++) {
                double value = cells[i].isEmpty() ? Double.NaN : Double.parseDouble(cells[i]);
                row.put(columns.get(i), Double.isFinite(value) ? value : null);
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return row;
    }

    /** The metric columns of a header line: the columns after {@code episode,total_steps}. */
    static List<String> metricNames(List<String> columns) {
        return columns.size() <= 2 ? List.of() : List.copyOf(columns.subList(2, columns.size()));
    }

    /** The columns of {@code csv}'s header; empty when there is none yet. */
    static List<String> header(Path csv) {
        try (java.io.BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String line = reader.readLine();
            return line == null ? List.of() : List.of(line.split(",", -1));
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + csv, e);
        }
    }

    /** The last complete row of {@code csv}, or an empty map; reads only the file's tail. */
    static Map<String, Object> last(Path csv) {
        try (RandomAccessFile file = new RandomAccessFile(csv.toFile(), "r")) {
            String header = file.readLine();
            if (header == null) {
                return Map.of();
            }
            long from = Math.max(file.getFilePointer(), file.length() - 8192);
            file.seek(from);
            byte[] tail = new byte[(int) (file.length() - from)];
            file.readFully(tail);
            String text = new String(tail, StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n');
            if (end < 0) {
                return Map.of();
            }
            int begin = text.lastIndexOf('\n', end - 1) + 1;
            MetricsRows parser = new MetricsRows(csv, 0);
            parser.columns = Arrays.asList(header.split(",", -1));
            Map<String, Object> row = parser.row(text.substring(begin, end));
            return row == null ? Map.of() : row;
        } catch (java.io.FileNotFoundException e) {
            return Map.of();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + csv, e);
        }
    }
}
