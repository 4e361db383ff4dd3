package io.jgym.agents;

import io.jgym.client.RemoteEnv;
import io.jgym.client.RemoteVectorEnv;
import io.jgym.contracts.Env;
import io.jgym.contracts.EnvRegistry;
import io.jgym.contracts.vector.AutoresetMode;
import io.jgym.contracts.vector.VectorEnv;
import java.util.OptionalLong;

/**
 * Opens the environment an agent's config names: in-process from the registry when {@code server}
 * is null, otherwise the same id created on a gym-http-api server (jgym's or the original Flask one)
 * and driven over HTTP. Agents cannot tell the two apart. Used by the DQN and RL4J providers, for
 * training, for the greedy checks during training, and for {@code eval} and {@code play}.
 */
public final class AgentEnvironments {
    private AgentEnvironments() {
    }

    /**
     * Opens {@code env}; the caller closes it.
     *
     * @param server base URL of a gym-http-api server, or null for in-process
     * @throws IllegalStateException if the server cannot create the environment
     */
    public static Env open(String env, String server) {
        if (server == null) {
            return EnvRegistry.discover().make(env);
        }
        try {
            return RemoteEnv.create(server, env, OptionalLong.empty());
        } catch (RuntimeException e) {
            throw new IllegalStateException("could not create " + env + " on the gym server at " + server + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Opens {@code numEnvs} copies of {@code env} on the gym server at {@code server} as one remote
     * vector environment that the caller resets (autoreset disabled), in the binary encoding; the
     * caller closes it.
     *
     * @throws IllegalStateException if the server cannot create it
     */
    public static VectorEnv openVector(String env, String server, int numEnvs) {
        try {
            return RemoteVectorEnv.create(server, env, numEnvs, AutoresetMode.DISABLED, OptionalLong.empty(),
                    RemoteVectorEnv.Encoding.BINARY, System.getenv("JGYM_TOKEN"));
        } catch (RuntimeException e) {
            throw new IllegalStateException("could not create " + numEnvs + " x " + env + " on the gym server at " + server + ": "
                    + e.getMessage(), e);
        }
    }

    /** Checks the {@code env} and {@code server} settings every agent config has; messages name the flags. */
    public static void validate(String env, String server) {
        if (env == null || env.isBlank()) {
            throw new IllegalArgumentException("--env must name an environment, e.g. CartPole-v1, got '" + env + "'");
        }
        if (server != null && !(server.startsWith("http://") || server.startsWith("https://"))) {
            throw new IllegalArgumentException("--server must be an http:// or https:// URL (or left out for in-process), got '"
                    + server + "'");
        }
    }
}
