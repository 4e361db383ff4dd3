package io.jgym.server;

import io.jgym.contracts.EnvOptions;
import io.jgym.contracts.EnvRegistry;
import io.jgym.contracts.UnknownEnvException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The live environment instances, keyed by gym-http-api's 8-hex-digit instance ids. Enforces the
 * cap on live instances and evicts instances idle for longer than the timeout. Knows nothing of HTTP
 * beyond throwing {@link ApiException}s with the original server's messages.
 */
final class InstanceStore {
    private final EnvRegistry registry;
    private final int maxInstances;
    private final long idleTimeoutNanos;
    private final LongSupplier nanoClock;
    private final Map<String, EnvInstance> instances = new ConcurrentHashMap<>();
    private final SecureRandom ids = new SecureRandom();

    InstanceStore(EnvRegistry registry, int maxInstances, Duration idleTimeout, LongSupplier nanoClock) {
        this.registry = registry;
        this.maxInstances = maxInstances;
        this.idleTimeoutNanos = idleTimeout.toNanos();
        this.nanoClock = nanoClock;
    }

    /** Creates an instance and returns its id. */
    String create(String envId, OptionalLong seed, EnvOptions options) {
        if (instances.size() >= maxInstances) {
            throw ApiException.badRequest("Too many live environment instances (limit " + maxInstances
                    + "); close unused ones with POST /v1/envs/<instance_id>/close/");
        }
        EnvInstance instance;
        try {
            instance = new EnvInstance(envId, registry.make(envId, options), seed, nanoClock.getAsLong());
        } catch (UnknownEnvException e) {
            throw ApiException.badRequest("Attempted to look up malformed environment ID '" + envId + "'");
        }
        while (true) {
            byte[] bytes = new byte[4];
            ids.nextBytes(bytes);
            String id = HexFormat.of().formatHex(bytes);
            if (instances.putIfAbsent(id, instance) == null) {
                return id;
            }
        }
    }

    /** The instance, marked as used now. */
    EnvInstance get(String instanceId) {
        EnvInstance instance = instances.get(instanceId);
        if (instance == null) {
            throw unknown(instanceId);
        }
        instance.touch(nanoClock.getAsLong());
        return instance;
    }

    /** Closes and forgets the instance. */
    void close(String instanceId) {
        EnvInstance instance = instances.remove(instanceId);
        if (instance == null) {
            throw unknown(instanceId);
        }
        instance.close();
    }

    /** The original server's error for an id it does not hold. */
    private static ApiException unknown(String instanceId) {
        return ApiException.badRequest("Instance_id " + instanceId + " unknown");
    }

    /** Instance id to env id, sorted by instance id. */
    Map<String, String> list() {
        Map<String, String> out = new TreeMap<>();
        instances.forEach((id, instance) -> out.put(id, instance.envId()));
        return out;
    }

    /** Closes every instance unused for longer than the idle timeout; returns how many. */
    int evictIdle() {
        long now = nanoClock.getAsLong();
        int evicted = 0;
        for (Map.Entry<String, EnvInstance> e : instances.entrySet()) {
            if (now - e.getValue().lastUsedNanos() > idleTimeoutNanos && instances.remove(e.getKey(), e.getValue())) {
                e.getValue().close();
                evicted++;
            }
        }
        return evicted;
    }

    /** Closes every instance, at server stop. */
    void closeAll() {
        instances.keySet().forEach(id -> {
            EnvInstance instance = instances.remove(id);
            if (instance != null) {
                instance.close();
            }
        });
    }
}
