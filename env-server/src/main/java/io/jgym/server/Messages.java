package io.jgym.server;

import java.nio.file.FileSystemException;

/**
 * How error messages quote what a client sent or what the file system said: input cut to a short
 * prefix (an 800 KB action must not come back in full) and I/O reasons without the server's paths.
 */
public final class Messages {
    /** The longest piece of client input an error message repeats. */
    static final int QUOTE_CHARS = 100;

    private Messages() {
    }

    /** {@code text}, cut to {@link #QUOTE_CHARS} characters with a note of how much was left out. */
    public static String quote(String text) {
        if (text.length() <= QUOTE_CHARS) {
            return text;
        }
        return text.substring(0, QUOTE_CHARS) + "... (" + (text.length() - QUOTE_CHARS) + " more characters)";
    }

    /** What went wrong on disk, without file names: "No space left on device", "Not a directory", ... */
    static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FileSystemException fse && fse.getReason() != null) {
                return fse.getReason();
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException && t.getCause() == null) {
                String message = t.getMessage();
                if (message != null && !message.isBlank() && message.indexOf('/') < 0 && message.indexOf('\\') < 0) {
                    return message;
                }
                return t.getClass().getSimpleName();
            }
        }
        return "input/output error";
    }
}
