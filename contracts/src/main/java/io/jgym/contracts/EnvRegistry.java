package io.jgym.contracts;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The one place environment ids are looked up, like Gymnasium's registry. Built from explicit specs
 * or from every {@link EnvProvider} on the classpath; immutable once built.
 */
public final class EnvRegistry {
    private final Map<String, EnvSpec> specs;

    private EnvRegistry(Map<String, EnvSpec> specs) {
        this.specs = Collections.unmodifiableMap(specs);
    }

    /** A registry of the given specs; two specs with one id are an error. */
    public static EnvRegistry of(Collection<EnvSpec> specs) {
        Map<String, EnvSpec> byId = new TreeMap<>();
        for (EnvSpec spec : specs) {
            if (byId.putIfAbsent(spec.id(), spec) != null) {
                throw new IllegalStateException("environment id registered twice: " + spec.id());
            }
        }
        return new EnvRegistry(byId);
    }

    /** Every environment contributed by the {@link EnvProvider}s found with {@link ServiceLoader}. */
    public static EnvRegistry discover() {
        return of(ServiceLoader.load(EnvProvider.class).stream()
                .flatMap(p -> p.get().specs().stream())
                .toList());
    }

    /** The spec for {@code id}, if registered. */
    public Optional<EnvSpec> find(String id) {
        return Optional.ofNullable(specs.get(id));
    }

    /** The spec for {@code id}. @throws UnknownEnvException if none is registered */
    public EnvSpec spec(String id) {
        return find(id).orElseThrow(() -> new UnknownEnvException(id));
    }

    /** Builds a registered environment with its time limit. */
    public Env make(String id, EnvOptions options) {
        return spec(id).make(options);
    }

    /** Builds a registered environment with default options. */
    public Env make(String id) {
        return make(id, EnvOptions.none());
    }

    /** All specs, sorted by id. */
    public Collection<EnvSpec> specs() {
        return specs.values();
    }
}
