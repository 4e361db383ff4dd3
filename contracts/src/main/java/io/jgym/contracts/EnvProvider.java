package io.jgym.contracts;

import java.util.List;

/**
 * A plugin that contributes environments. Implementations are found with {@link java.util.ServiceLoader}:
 * a jar lists its provider class in {@code META-INF/services/io.jgym.contracts.EnvProvider} and its
 * environments appear in {@link EnvRegistry#discover()} (and so on the server) once it is on the classpath.
 */
public interface EnvProvider {

    /** The specs this plugin registers. */
    List<EnvSpec> specs();
}
