/**
 * An example trainer plugin: tabular Q-learning, written against jgym's contracts only. Copy this
 * module to start a trainer of your own (docs/training.md walks through it).
 */
package io.jgym.examples.qlearning;
