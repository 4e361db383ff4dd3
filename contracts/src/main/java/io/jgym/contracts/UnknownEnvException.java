package io.jgym.contracts;

/** Thrown when an environment id is not registered; the message says which id. */
public final class UnknownEnvException extends IllegalArgumentException {
    private final String envId;

    public UnknownEnvException(String envId) {
        super("No registered environment with id '" + envId + "'");
        this.envId = envId;
    }

    /** The id that was asked for. */
    public String envId() {
        return envId;
    }
}
