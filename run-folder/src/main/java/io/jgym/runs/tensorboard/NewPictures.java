package io.jgym.runs.tensorboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the PNG and GIF pictures a trainer has drawn into its run folder since the last look, so
 * they can go to TensorBoard without trainers knowing about it: generative trainers write
 * {@code samples/epoch-NNN.png}, {@code snapshots/...}, {@code frames/...} before reporting an epoch,
 * and {@code reconstructions.png}, {@code training.gif} and the like at the end. It looks in the
 * folder and its direct subfolders, skipping hidden files (half-written temporaries), the
 * checkpoints and the names it is told to ignore (the run's own learning curve). A picture replaced
 * by a new one of the same name counts as new again.
 *
 * <p>It runs after every episode, and RL episodes can take microseconds, so a folder is listed
 * again only when its modification time has changed: pictures arrive by rename ({@code AtomicFiles}),
 * which changes it. A folder modified within {@link #SETTLE_MILLIS} of being listed is listed again
 * regardless, since a second change in the same clock tick would not change the time again.
 */
final class NewPictures {
    private static final String FALLBACK_TAG = "pictures";
    private static final String PNG = ".png";
    private static final String GIF = ".gif";
    static final long SETTLE_MILLIS = 2_000;

    private final Path root;
    private final Set<String> ignored;
    private final Map<Path, FileTime> seen = new HashMap<>();
    private final Map<Path, Listing> listings = new HashMap<>();

    /** What a folder held when it was last listed, and whether that listing is new to this poll. */
    private record Listing(FileTime modified, long listedAt, List<Path> files, List<Path> folders, boolean fresh) {
        boolean current(FileTime now) {
            return modified.equals(now) && modified.toMillis() < listedAt - SETTLE_MILLIS;
        }

        Listing unchanged() {
            return new Listing(modified, listedAt, files, folders, false);
        }
    }

    /** Pictures under {@code root} that appear from now on; those already there are not reported. */
    NewPictures(Path root, Set<String> ignored) {
        this.root = root;
        this.ignored = Set.copyOf(ignored);
        poll();
    }

    /** The pictures added or rewritten since the last call, in path order. */
    List<Path> poll() {
        List<Path> fresh = new ArrayList<>();
        Listing top = listing(root);
        collect(top, fresh);
        for (Path folder : top.folders()) {
            collect(listing(folder), fresh);
        }
        return fresh;
    }

    private Listing listing(Path folder) {
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(folder);
        } catch (IOException e) {
            return new Listing(FileTime.fromMillis(0), 0, List.of(), List.of(), false); // not there (yet)
        }
        Listing last = listings.get(folder);
        if (last != null && last.current(modified)) {
            return last.unchanged();
        }
        List<Path> files = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : entries.sorted().toList()) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".") || ignored.contains(name)) {
                    continue;
                }
                if (Files.isDirectory(entry)) {
                    folders.add(entry);
                } else if (name.endsWith(PNG) || name.endsWith(GIF)) {
                    files.add(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + folder, e);
        }
        Listing listing = new Listing(modified, System.currentTimeMillis(), files, folders, true);
        listings.put(folder, listing);
        return listing;
    }

    /** Adds the pictures of a folder listed anew that were not seen before or have changed since. */
    private void collect(Listing listing, List<Path> fresh) {
        if (listing.fresh()) {
            listing.files().forEach(file -> collect(file, fresh));
        }
    }

    private void collect(Path file, List<Path> fresh) {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            if (!modified.equals(seen.put(file, modified))) {
                fresh.add(file);
            }
        } catch (IOException e) {
            seen.remove(file); // removed while looking: nothing to report
        }
    }

    /**
     * The TensorBoard tag of a picture: its path in the run folder without its extension and without a
     * trailing epoch number, so every epoch's picture is one slider in TensorBoard
     * ({@code samples/epoch-007.png} is {@code samples}, {@code reconstructions.png} is {@code reconstructions}).
     */
    String tag(Path picture) {
        String path = root.relativize(picture).toString().replace('\\', '/');
        String tag = path.substring(0, path.lastIndexOf('.'))
                .replaceFirst("[-_]?\\d+$", "")
                .replaceFirst("/?(epoch|step|frame)$", "");
        return tag.isEmpty() ? FALLBACK_TAG : tag;
    }
}
