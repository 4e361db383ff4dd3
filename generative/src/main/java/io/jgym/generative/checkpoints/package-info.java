/** Per-epoch checkpoints every generative trainer writes and resumes from. */
package io.jgym.generative.checkpoints;
