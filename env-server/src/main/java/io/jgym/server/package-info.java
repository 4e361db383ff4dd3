/**
 * The gym-http-api compatible HTTP server: routes, JSON in the original's format, the instance store
 * and the monitor. Knows environments only through {@link io.jgym.contracts.EnvRegistry}.
 */
package io.jgym.server;
