package io.jgym.server;

/**
 * A request the server refuses, with the HTTP status and the message the client sees in
 * {@code {"message": "..."}}. Thrown by handlers and the instance store; turned into a response in
 * one place, {@link GymServer}'s error mapping.
 */
public final class ApiException extends RuntimeException {
    private final int status;

    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** A 400, the status gym-http-api clients expect for every bad request. */
    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    public int status() {
        return status;
    }
}
