/**
 * numpy-compatible random numbers: SeedSequence, PCG64 and the Generator draws Gymnasium uses, so
 * that a seed means the same thing in jgym as in Python.
 */
package io.jgym.contracts.random;
