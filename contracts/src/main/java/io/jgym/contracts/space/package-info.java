/** Observation and action spaces (Discrete, Box, Tuple) and the values that live in them. */
package io.jgym.contracts.space;
