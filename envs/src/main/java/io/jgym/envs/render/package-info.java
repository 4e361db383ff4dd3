/** Rendering of the classic environments to RGB frames, PNG images and animated GIFs, with Java2D (no display). */
package io.jgym.envs.render;
