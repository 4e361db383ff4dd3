package io.jgym.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplayBufferTest {

    private static void addTransition(ReplayBuffer buffer, int id) {
        buffer.add(new float[] {id, -id}, id % 3, id * 0.5, new float[] {id + 1, -id - 1}, id % 2 == 0);
    }

    @Test
    void keepsTheNewestTransitionsWhenFull() {
        ReplayBuffer buffer = new ReplayBuffer(4, 2);
        for (int id = 0; id < 10; id++) {
            addTransition(buffer, id);
        }
        assertEquals(4, buffer.size());
        ReplayBuffer.Batch batch = new ReplayBuffer.Batch(200, 2);
        buffer.sample(new SplitMix64(3), batch);
        Set<Integer> seen = new HashSet<>();
        for (int row = 0; row < batch.size; row++) {
            int id = (int) batch.observations[2 * row];
            seen.add(id);
            assertEquals(-id, batch.observations[2 * row + 1]);
            assertEquals(id + 1, batch.nextObservations[2 * row]);
            assertEquals(id % 3, batch.actions[row]);
            assertEquals(id * 0.5f, batch.rewards[row]);
            assertEquals(id % 2 == 0, batch.terminals[row]);
        }
        assertEquals(Set.of(6, 7, 8, 9), seen, "only the last 4 transitions remain, and all of them are drawn");
    }

    @Test
    void samplingIsDeterminedByTheGeneratorState() {
        ReplayBuffer buffer = new ReplayBuffer(100, 2);
        for (int id = 0; id < 50; id++) {
            addTransition(buffer, id);
        }
        ReplayBuffer.Batch first = new ReplayBuffer.Batch(32, 2);
        ReplayBuffer.Batch second = new ReplayBuffer.Batch(32, 2);
        buffer.sample(new SplitMix64(7), first);
        buffer.sample(new SplitMix64(7), second);
        assertArrayEquals(first.actions, second.actions);
        assertArrayEquals(first.observations, second.observations);
    }

    @Test
    void roundTripsThroughACheckpointStream() throws IOException {
        ReplayBuffer buffer = new ReplayBuffer(8, 2);
        for (int id = 0; id < 11; id++) {
            addTransition(buffer, id);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        buffer.writeTo(new DataOutputStream(bytes));
        ReplayBuffer copy = ReplayBuffer.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(buffer.size(), copy.size());
        addTransition(buffer, 11);
        addTransition(copy, 11);
        ReplayBuffer.Batch a = new ReplayBuffer.Batch(64, 2);
        ReplayBuffer.Batch b = new ReplayBuffer.Batch(64, 2);
        buffer.sample(new SplitMix64(1), a);
        copy.sample(new SplitMix64(1), b);
        assertArrayEquals(a.observations, b.observations, "the copy also continues overwriting at the same slot");
        assertArrayEquals(a.terminals, b.terminals);
    }

    @Test
    void rejectsWrongShapesAndEmptySampling() {
        ReplayBuffer buffer = new ReplayBuffer(4, 2);
        assertThrows(IllegalStateException.class, () -> buffer.sample(new SplitMix64(1), new ReplayBuffer.Batch(1, 2)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> buffer.add(new float[3], 0, 0, new float[3], false));
        assertTrue(e.getMessage().contains("3 values"));
    }
}
