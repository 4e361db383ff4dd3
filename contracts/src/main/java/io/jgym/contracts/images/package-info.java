/**
 * Pictures any module writes: RGB frames as PNG and animated GIFs. Environments render with them,
 * the server records episodes with them, and the generative trainers animate their training.
 */
package io.jgym.contracts.images;
