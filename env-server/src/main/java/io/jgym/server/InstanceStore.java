package io.jgym.server;

import io.jgym.contracts.EnvOptions;
import io.jgym.contracts.EnvRegistry;
import io.jgym.contracts.UnknownEnvException;
import io.jgym.contracts.vector.AutoresetMode;
import io.jgym.envs.vector.VectorEnvs;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The live environment instances, keyed by gym-http-api's 8-hex-digit instance ids. Enforces the
 * caps on live instances (in all and per client address) and evicts instances idle for longer than
 * the timeout. A create first reserves its place under both caps with a compare-and-set, so parallel
 * creates can never overshoot; the place is given back if the env cannot be made. Knows nothing of
 * HTTP beyond throwing {@link ApiException}s with the original server's messages. Vector instances
 * (the vecenv routes) share the id space and both caps with the single ones, and are evicted alike.
 */
final class InstanceStore {
    /** The owner of instances made without a client address (tests, in-process use). */
    static final String LOCAL = "local";

    private final EnvRegistry registry;
    private final int maxInstances;
    private final int maxPerClient;
    private final long maxVectorEnvs;
    private final long idleTimeoutNanos;
    private final LongSupplier nanoClock;
    private final Map<String, EnvInstance> instances = new ConcurrentHashMap<>();
    private final Map<String, VectorInstance> vectors = new ConcurrentHashMap<>();
    private final Map<String, String> owners = new ConcurrentHashMap<>();
    private final AtomicInteger live = new AtomicInteger();
    private final AtomicLong liveVectorEnvs = new AtomicLong();
    private final Map<String, Integer> perClient = new ConcurrentHashMap<>();
    private final SecureRandom ids = new SecureRandom();

    /** @param maxVectorEnvs sub-environments all vector instances may hold together */
    InstanceStore(EnvRegistry registry, int maxInstances, int maxPerClient, long maxVectorEnvs, Duration idleTimeout,
                  LongSupplier nanoClock) {
        this.registry = registry;
        this.maxInstances = maxInstances;
        this.maxPerClient = maxPerClient;
        this.maxVectorEnvs = maxVectorEnvs;
        this.idleTimeoutNanos = idleTimeout.toNanos();
        this.nanoClock = nanoClock;
    }

    InstanceStore(EnvRegistry registry, int maxInstances, Duration idleTimeout, LongSupplier nanoClock) {
        this(registry, maxInstances, maxInstances, Long.MAX_VALUE, idleTimeout, nanoClock);
    }

    /** Creates an instance for an in-process caller and returns its id. */
    String create(String envId, OptionalLong seed, EnvOptions options) {
        return create(envId, seed, options, LOCAL);
    }

    /** Creates an instance owned by {@code client} (its address) and returns its id. */
    String create(String envId, OptionalLong seed, EnvOptions options, String client) {
        return place(instances, () -> new EnvInstance(envId, registry.make(envId, options), seed, nanoClock.getAsLong()), envId, client);
    }

    /** Creates a vector instance of {@code numEnvs} sub-environments owned by {@code client} and returns its id. */
    String createVector(String envId, int numEnvs, AutoresetMode mode, Map<String, ?> kwargs, OptionalLong seed, String client) {
        if (liveVectorEnvs.addAndGet(numEnvs) > maxVectorEnvs) {
            liveVectorEnvs.addAndGet(-numEnvs);
            throw ApiException.badRequest("Too many sub-environments in live vector instances (limit " + maxVectorEnvs
                    + " in all, " + (maxVectorEnvs - liveVectorEnvs.get()) + " free now); close unused ones with"
                    + " POST /v1/vecenvs/<instance_id>/close/");
        }
        boolean placed = false;
        try {
            String id = place(vectors, () -> new VectorInstance(envId, VectorEnvs.make(registry.spec(envId), numEnvs, mode, kwargs), seed,
                    nanoClock.getAsLong()), envId, client);
            placed = true;
            return id;
        } finally {
            if (!placed) {
                liveVectorEnvs.addAndGet(-numEnvs);
            }
        }
    }

    /** Forgets a removed vector instance's places under the caps and the sub-environment budget. */
    private void releasedVector(String instanceId, VectorInstance instance) {
        released(instanceId);
        liveVectorEnvs.addAndGet(-instance.env().numEnvs());
    }

    /** Reserves a place under the caps, makes the instance and files it under a fresh id; gives the place back on failure. */
    private <T> String place(Map<String, T> map, Supplier<T> make, String envId, String client) {
        reserve(client);
        boolean placed = false;
        try {
            T instance;
            try {
                instance = make.get();
            } catch (UnknownEnvException e) {
                throw ApiException.badRequest("Attempted to look up malformed environment ID '" + Messages.quote(envId) + "'");
            }
            while (true) {
                byte[] bytes = new byte[4];
                ids.nextBytes(bytes);
                String id = HexFormat.of().formatHex(bytes);
                // The owner goes in first, so a close racing this create always finds whose place to give back.
                if (owners.putIfAbsent(id, client) == null) {
                    if (map.putIfAbsent(id, instance) == null) {
                        placed = true;
                        return id;
                    }
                    owners.remove(id, client);
                }
            }
        } finally {
            if (!placed) {
                release(client);
            }
        }
    }

    /** Takes a place under both caps, or refuses with the cap that is full. */
    private void reserve(String client) {
        if (live.incrementAndGet() > maxInstances) {
            live.decrementAndGet();
            throw ApiException.badRequest("Too many live environment instances (limit " + maxInstances
                    + "); close unused ones with POST /v1/envs/<instance_id>/close/");
        }
        boolean[] admitted = {false};
        perClient.compute(client, (c, n) -> {
            int held = n == null ? 0 : n;
            if (held >= maxPerClient) {
                return n;
            }
            admitted[0] = true;
            return held + 1;
        });
        if (!admitted[0]) {
            live.decrementAndGet();
            throw ApiException.badRequest("Too many live environment instances from your address (limit " + maxPerClient
                    + " per client); close unused ones with POST /v1/envs/<instance_id>/close/");
        }
    }

    private void release(String client) {
        live.decrementAndGet();
        perClient.computeIfPresent(client, (c, n) -> n <= 1 ? null : n - 1);
    }

    /** Forgets a removed instance's place under the caps. */
    private void released(String instanceId) {
        String owner = owners.remove(instanceId);
        release(owner == null ? LOCAL : owner);
    }

    /** Live instances, for health and metrics. */
    int size() {
        return live.get();
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

    /** The vector instance, marked as used now. */
    VectorInstance getVector(String instanceId) {
        VectorInstance instance = vectors.get(instanceId);
        if (instance == null) {
            throw unknown(instanceId);
        }
        instance.touch(nanoClock.getAsLong());
        return instance;
    }

    /** Closes and forgets the vector instance. */
    void closeVector(String instanceId) {
        VectorInstance instance = vectors.remove(instanceId);
        if (instance == null) {
            throw unknown(instanceId);
        }
        releasedVector(instanceId, instance);
        instance.close();
    }

    /** Vector instance id to instance, sorted by id. */
    Map<String, VectorInstance> listVectors() {
        return new TreeMap<>(vectors);
    }

    /** Closes and forgets the instance. */
    void close(String instanceId) {
        EnvInstance instance = instances.remove(instanceId);
        if (instance == null) {
            throw unknown(instanceId);
        }
        released(instanceId);
        instance.close();
    }

    /** The original server's error for an id it does not hold. */
    private static ApiException unknown(String instanceId) {
        return ApiException.badRequest("Instance_id " + Messages.quote(instanceId) + " unknown");
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
                released(e.getKey());
                e.getValue().close();
                evicted++;
            }
        }
        for (Map.Entry<String, VectorInstance> e : vectors.entrySet()) {
            if (now - e.getValue().lastUsedNanos() > idleTimeoutNanos && vectors.remove(e.getKey(), e.getValue())) {
                releasedVector(e.getKey(), e.getValue());
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
                released(id);
                instance.close();
            }
        });
        vectors.keySet().forEach(id -> {
            VectorInstance instance = vectors.remove(id);
            if (instance != null) {
                releasedVector(id, instance);
                instance.close();
            }
        });
    }
}
