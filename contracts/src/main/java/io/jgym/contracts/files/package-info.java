/** Crash-safe file writing shared by the server's monitor, checkpoints and run outputs. */
package io.jgym.contracts.files;
