package io.jgym.agents.dqn;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The replay memory: a ring buffer of the last {@code capacity} transitions, stored in flat
 * primitive arrays so that adding a step allocates nothing. Sampling writes a minibatch into a
 * caller-owned {@link Batch}. A transition whose episode was cut by a time limit is stored as
 * not terminal, so its target still bootstraps from the next state.
 */
public final class ReplayBuffer {
    private final int capacity;
    private final int observationSize;
    private final float[] observations;
    private final float[] nextObservations;
    private final int[] actions;
    private final float[] rewards;
    private final boolean[] terminals;
    private int size;
    private int next;

    public ReplayBuffer(int capacity, int observationSize) {
        if (capacity <= 0 || observationSize <= 0) {
            throw new IllegalArgumentException("capacity and observation size must be positive");
        }
        this.capacity = capacity;
        this.observationSize = observationSize;
        this.observations = new float[capacity * observationSize];
        this.nextObservations = new float[capacity * observationSize];
        this.actions = new int[capacity];
        this.rewards = new float[capacity];
        this.terminals = new boolean[capacity];
    }

    /** One sampled minibatch in row-major arrays, reused across samples. */
    public static final class Batch {
        public final int size;
        public final float[] observations;
        public final float[] nextObservations;
        public final int[] actions;
        public final float[] rewards;
        public final boolean[] terminals;

        public Batch(int size, int observationSize) {
            this.size = size;
            this.observations = new float[size * observationSize];
            this.nextObservations = new float[size * observationSize];
            this.actions = new int[size];
            this.rewards = new float[size];
            this.terminals = new boolean[size];
        }
    }

    /** Stores one transition, overwriting the oldest when full. */
    public void add(float[] observation, int action, double reward, float[] nextObservation, boolean terminal) {
        if (observation.length != observationSize || nextObservation.length != observationSize) {
            throw new IllegalArgumentException("observation has " + observation.length + " values, buffer expects "
                    + observationSize);
        }
        System.arraycopy(observation, 0, observations, next * observationSize, observationSize);
        System.arraycopy(nextObservation, 0, nextObservations, next * observationSize, observationSize);
        actions[next] = action;
        rewards[next] = (float) reward;
        terminals[next] = terminal;
        next = (next + 1) % capacity;
        size = Math.min(size + 1, capacity);
    }

    /** Fills {@code batch} with transitions drawn uniformly with replacement. */
    public void sample(SplitMix64 random, Batch batch) {
        if (size == 0) {
            throw new IllegalStateException("cannot sample from an empty replay buffer");
        }
        for (int row = 0; row < batch.size; row++) {
            int index = random.nextInt(size);
            System.arraycopy(observations, index * observationSize, batch.observations, row * observationSize, observationSize);
            System.arraycopy(nextObservations, index * observationSize, batch.nextObservations, row * observationSize,
                    observationSize);
            batch.actions[row] = actions[index];
            batch.rewards[row] = rewards[index];
            batch.terminals[row] = terminals[index];
        }
    }

    /** Transitions currently stored. */
    public int size() {
        return size;
    }

    public int capacity() {
        return capacity;
    }

    public int observationSize() {
        return observationSize;
    }

    /** Writes the stored transitions and the write position, for a checkpoint. */
    public void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(capacity);
        out.writeInt(observationSize);
        out.writeInt(size);
        out.writeInt(next);
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < observationSize; j++) {
                out.writeFloat(observations[i * observationSize + j]);
                out.writeFloat(nextObservations[i * observationSize + j]);
            }
            out.writeInt(actions[i]);
            out.writeFloat(rewards[i]);
            out.writeBoolean(terminals[i]);
        }
    }

    /** Reads a buffer written by {@link #writeTo}. */
    public static ReplayBuffer readFrom(DataInputStream in) throws IOException {
        ReplayBuffer buffer = new ReplayBuffer(in.readInt(), in.readInt());
        buffer.size = in.readInt();
        buffer.next = in.readInt();
        int dim = buffer.observationSize;
        for (int i = 0; i < buffer.size; i++) {
            for (int j = 0; j < dim; j++) {
                buffer.observations[i * dim + j] = in.readFloat();
                buffer.nextObservations[i * dim + j] = in.readFloat();
            }
            buffer.actions[i] = in.readInt();
            buffer.rewards[i] = in.readFloat();
            buffer.terminals[i] = in.readBoolean();
        }
        return buffer;
    }
}
