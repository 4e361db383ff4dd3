package io.jgym.contracts.training;

/** Training produced a NaN or infinite loss; the message says when and what to try. */
public final class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TrainingDivergedException(String message) {
        super(message);
    }
}
