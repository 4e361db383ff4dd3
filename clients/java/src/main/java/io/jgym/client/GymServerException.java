package io.jgym.client;

/**
 * The server refused a request: carries its HTTP status and the {@code message} it sent (for
 * example {@code Instance_id 1234abcd unknown}), or says that it could not be reached.
 */
public final class GymServerException extends RuntimeException {
    private final int status;

    public GymServerException(int status, String message) {
        super(message);
        this.status = status;
    }

    public GymServerException(String message, Throwable cause) {
        super(message, cause);
        this.status = -1;
    }

    /** The HTTP status, or -1 when the server could not be reached. */
    public int status() {
        return status;
    }
}
