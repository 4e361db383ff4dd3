/** The training contract shared by the agents and the generative models. */
package io.jgym.contracts.training;
