/** Training data from disk: MNIST-format IDX files (gzipped or not). Nothing is ever downloaded. */
package io.jgym.generative.data;
