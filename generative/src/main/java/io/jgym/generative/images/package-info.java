/** Pictures of generated and reconstructed images: sample grids as PNG. */
package io.jgym.generative.images;
