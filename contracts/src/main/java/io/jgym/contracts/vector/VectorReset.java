package io.jgym.contracts.vector;

import java.util.Map;

/**
 * What {@link VectorEnv#reset} returns: the full batch of observations (after a partial reset, the
 * sub-environments not reset keep their last observation) and the merged infos of the
 * sub-environments that were reset, laid out as in {@link VectorStep}.
 *
 * @param observations the batched observations
 * @param infos        the merged info dict; never null
 */
public record VectorReset(Batch observations, Map<String, Object> infos) {
}
