/**
 * The contracts every jgym module builds on: the {@link io.jgym.contracts.Env} interface, its
 * registry of specs, the time-limit decorator and plugin discovery. No third-party dependencies.
 */
package io.jgym.contracts;
