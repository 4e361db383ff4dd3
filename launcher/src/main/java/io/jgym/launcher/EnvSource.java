package io.jgym.launcher;

import io.jgym.client.RemoteEnv;
import io.jgym.contracts.Env;
import io.jgym.contracts.EnvRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import picocli.CommandLine.Option;

/**
 * Where an agent's environment comes from: {@code --env} alone builds it in-process from the
 * registry; with {@code --server} the same id is created on a gym-http-api server (jgym's or the
 * original Flask one) and driven over HTTP. Agents cannot tell the two apart.
 */
final class EnvSource {
    @Option(names = "--env", description = "Environment id (default: ${DEFAULT-VALUE}).")
    String envId = "CartPole-v1";

    @Option(names = "--server", description = "Base URL of a gym-http-api server, e.g. http://127.0.0.1:5000; in-process when left out.")
    String server;

    /** Opens the environment; the caller closes it. */
    Env open() {
        if (server == null) {
            return EnvRegistry.discover().make(envId);
        }
        try {
            return RemoteEnv.create(server, envId, OptionalLong.empty());
        } catch (RuntimeException e) {
            throw new IllegalStateException("could not create " + envId + " on the gym server at " + server + ": "
                    + e.getMessage(), e);
        }
    }

    /** The environment id and server URL (null when in-process), as a run's config.json records them. */
    Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("env", envId);
        details.put("server", server);
        return details;
    }

    /** {@code CartPole-v1} or {@code CartPole-v1 at http://...}, for logs. */
    String describe() {
        return server == null ? envId + " (in-process)" : envId + " at " + server;
    }
}
