package io.jgym.contracts.training;

import io.jgym.contracts.Env;

/** A trainer of agents: it trains a {@link Policy} on an environment its config names. */
public interface AgentProvider<C> extends TrainerProvider<C, Policy> {

    @Override
    default Kind kind() {
        return Kind.AGENT;
    }

    /** Opens the environment {@code config} trains on (in-process or on a server), for evaluation; the caller closes it. */
    Env environment(C config);
}
