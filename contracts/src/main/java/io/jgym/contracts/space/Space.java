package io.jgym.contracts.space;

import io.jgym.contracts.random.NumpyGenerator;

/**
 * The set an observation or action belongs to, as in Gymnasium's {@code gymnasium.spaces}.
 *
 * <p>A space can test membership and draw a sample with a caller-owned generator (so that, as in
 * Gymnasium, the sampler's random stream is independent of the environment's). How a space is
 * written as JSON is the server's concern, not the space's.
 */
public sealed interface Space permits Discrete, Box, TupleSpace {

    /** Whether {@code value} is an element of this space. */
    boolean contains(Value value);

    /** One element drawn as Gymnasium's {@code space.sample()} draws it. */
    Value sample(NumpyGenerator rng);
}
