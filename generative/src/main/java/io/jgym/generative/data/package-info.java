/**
 * Training data and how trainers go through it: MNIST-format IDX files (gzipped or not), folders of
 * PNG/JPEG colour images, generated shapes, shuffled minibatches, and row-major copies of ND4J
 * arrays. Nothing is ever downloaded.
 */
package io.jgym.generative.data;
