package io.jgym.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jgym.contracts.Env;
import io.jgym.contracts.Reset;
import io.jgym.contracts.Step;
import io.jgym.contracts.space.Space;
import io.jgym.contracts.space.Value;
import java.util.Map;
import java.util.OptionalLong;

/**
 * An environment on a gym-http-api server behind the {@link Env} interface, so an agent cannot tell
 * it from an in-process one. Terminated and truncated are recovered from the server's {@code done}
 * and gym's {@code TimeLimit.truncated} info key. One keep-alive connection per instance.
 */
public final class RemoteEnv implements Env {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GymClient client;
    private final boolean ownsClient;
    private final String instanceId;
    private final Space observationSpace;
    private final Space actionSpace;
    private boolean closed;

    /** Creates an instance of {@code envId} on the server at {@code remoteBase}, with its own connection. */
    public static RemoteEnv create(String remoteBase, String envId, OptionalLong seed) {
        GymClient client = new GymClient(remoteBase);
        try {
            return new RemoteEnv(client, true, client.envCreate(envId, seed));
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    private RemoteEnv(GymClient client, boolean ownsClient, String instanceId) {
        this.client = client;
        this.ownsClient = ownsClient;
        this.instanceId = instanceId;
        this.observationSpace = SpaceCodec.space(client.envObservationSpaceInfo(instanceId));
        this.actionSpace = SpaceCodec.space(client.envActionSpaceInfo(instanceId));
    }

    /** Attaches to an existing instance through a client the caller keeps ownership of. */
    public static RemoteEnv attach(GymClient client, String instanceId) {
        return new RemoteEnv(client, false, instanceId);
    }

    /** The server's id for this instance. */
    public String instanceId() {
        return instanceId;
    }

    @Override
    public Space observationSpace() {
        return observationSpace;
    }

    @Override
    public Space actionSpace() {
        return actionSpace;
    }

    @Override
    public Reset reset(OptionalLong seed) {
        return Reset.of(SpaceCodec.value(client.envReset(instanceId, seed), observationSpace));
    }

    @Override
    public Step step(Value action) {
        if (!actionSpace.contains(action)) {
            throw new IllegalArgumentException("action " + action + " is not in the action space " + actionSpace);
        }
        JsonNode result = client.envStep(instanceId, SpaceCodec.actionJson(action), false);
        @SuppressWarnings("unchecked")
        Map<String, Object> info = JSON.convertValue(result.path("info"), Map.class);
        boolean done = result.get("done").asBoolean();
        JsonNode timeLimit = result.path("info").path("TimeLimit.truncated");
        boolean truncated = timeLimit.isBoolean();
        boolean terminated = done && !timeLimit.asBoolean(false);
        return new Step(SpaceCodec.value(result.get("observation"), observationSpace),
                result.get("reward").asDouble(), terminated, truncated, info == null ? Map.of() : info);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            client.envClose(instanceId);
        } finally {
            if (ownsClient) {
                client.close();
            }
        }
    }
}
