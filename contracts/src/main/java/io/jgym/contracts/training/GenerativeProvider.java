package io.jgym.contracts.training;

/** A trainer of generative models: it trains a {@link Sampler} on data its config names. */
public interface GenerativeProvider<C> extends TrainerProvider<C, Sampler> {

    @Override
    default Kind kind() {
        return Kind.GENERATIVE;
    }
}
