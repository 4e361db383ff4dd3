/**
 * Training data from disk: MNIST-format IDX files (gzipped or not) and folders of PNG/JPEG colour
 * images. Nothing is ever downloaded.
 */
package io.jgym.generative.data;
