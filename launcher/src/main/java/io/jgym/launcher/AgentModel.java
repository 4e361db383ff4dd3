package io.jgym.launcher;

import io.jgym.contracts.Env;
import io.jgym.contracts.training.AgentProvider;
import io.jgym.contracts.training.Policy;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The trained agent {@code eval} and {@code play} use: its policy and the environment it plays, the
 * run's own unless {@code --env} or {@code --server} says otherwise. A generative run is refused by
 * name, with the command that fits it.
 */
final class AgentModel {
    @Mixin
    RunModel model;

    @Option(names = "--env", description = "Environment id (default: the one the run trained on).")
    String env;

    @Option(names = "--server", description = "Base URL of a gym-http-api server to play on (default: as the run trained).")
    String server;

    /** A policy and the environment to play it on; the caller closes the environment. */
    record Loaded(Policy policy, Env env, String where) {
    }

    Loaded load(String command) {
        Map<String, Object> settings = new LinkedHashMap<>();
        if (env != null) {
            settings.put("env", env);
        }
        if (server != null) {
            settings.put("server", server);
        }
        return load(command, model.find(settings));
    }

    private static <C> Loaded load(String command, RunModel.Found<C> found) {
        if (!(found.provider() instanceof AgentProvider<?> any)) {
            throw new IllegalArgumentException(command + " plays an agent's policy, but " + found.where() + " holds a "
                    + found.provider().name() + " run (generative); draw from it with ./jgym sample --run " + found.where());
        }
        @SuppressWarnings("unchecked")
        AgentProvider<C> agent = (AgentProvider<C>) any;
        Policy policy = agent.load(found.config(), found.checkpoint());
        return new Loaded(policy, agent.environment(found.config()), found.where());
    }
}
