/** Sample-quality measures shared by the generative trainers. */
package io.jgym.generative.metrics;
