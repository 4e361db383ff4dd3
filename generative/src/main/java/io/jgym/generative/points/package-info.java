/** {@code points-gan}: a GAN that learns the 2-D point cloud (x, sin(x) + noise), drawn frame by frame into a GIF. */
package io.jgym.generative.points;
