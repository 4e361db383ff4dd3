package io.jgym.envs.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgym.contracts.EnvRegistry;
import io.jgym.contracts.EnvSpec;
import io.jgym.contracts.vector.AutoresetMode;
import io.jgym.contracts.vector.Batch;
import io.jgym.contracts.vector.BatchSpace;
import io.jgym.contracts.vector.VectorEnv;
import io.jgym.contracts.vector.VectorStep;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the fixtures do not reach: time-limit truncations (a balancing policy keeps CartPole-v0 up
 * for its 200 steps), the structure-of-arrays CartPole against the generic one over long runs, the
 * batched spaces, and the errors a caller gets for bad input.
 */
class VectorEnvTest {
    private static final EnvRegistry REGISTRY = EnvRegistry.discover();
    private static final int N = 8;

    @ParameterizedTest
    @EnumSource(AutoresetMode.class)
    void structureOfArraysCartPoleMatchesGenericOneThroughTruncations(AutoresetMode mode) {
        EnvSpec spec = REGISTRY.spec("CartPole-v0");
        try (VectorEnv fast = VectorEnvs.make(spec, N, mode, Map.of()); VectorEnv generic = VectorEnvs.sync(spec, N, mode, Map.of())) {
            assertTrue(fast instanceof CartPoleVectorEnv);
            Batch fastObs = fast.reset(7).observations().copy();
            assertEquals(generic.reset(7).observations(), fastObs);
            int truncations = 0;
            for (int t = 0; t < 1500; t++) {
                Batch actions = balancing(fastObs, t);
                VectorStep a = fast.step(actions).copy();
                VectorStep b = generic.step(actions);
                assertEquals(b.observations(), a.observations(), "t=" + t);
                assertArrayEquals(b.rewards(), a.rewards(), "t=" + t);
                assertArrayEquals(b.terminations(), a.terminations(), "t=" + t);
                assertArrayEquals(b.truncations(), a.truncations(), "t=" + t);
                assertEquals(JsonTrees.infos(b.infos()), JsonTrees.infos(a.infos()), "t=" + t);
                fastObs = a.observations();
                boolean[] done = new boolean[N];
                boolean any = false;
                for (int i = 0; i < N; i++) {
                    done[i] = a.done(i);
                    any |= done[i];
                    truncations += a.truncations()[i] ? 1 : 0;
                }
                if (mode == AutoresetMode.DISABLED && any) {
                    Batch reset = fast.reset(OptionalLong.empty(), done).observations().copy();
                    assertEquals(generic.reset(OptionalLong.empty(), done).observations(), reset);
                    fastObs = reset;
                }
            }
            assertTrue(truncations > N, "the balancing policy reaches the time limit: " + truncations);
        }
    }

    /** Pushes the cart under the pole (towards the side it falls to), with a little noise so episodes differ. */
    private static Batch balancing(Batch observations, int t) {
        Batch.Floats obs = (Batch.Floats) observations;
        long[] actions = new long[obs.size()];
        for (int i = 0; i < actions.length; i++) {
            float theta = obs.values()[i * 4 + 2];
            float thetaDot = obs.values()[i * 4 + 3];
            actions[i] = (t + i) % 37 == 0 ? 1 - (theta + thetaDot > 0 ? 1 : 0) : theta + thetaDot > 0 ? 1 : 0;
        }
        return new Batch.Longs(actions);
    }

    @Test
    void batchedSpacesAreGymnasiums() {
        try (VectorEnv env = VectorEnvs.make(REGISTRY.spec("Blackjack-v1"), 3, AutoresetMode.NEXT_STEP, Map.of())) {
            BatchSpace.TupleBatch obs = (BatchSpace.TupleBatch) env.observationSpace();
            assertEquals(new BatchSpace.MultiDiscrete(new long[] {32, 32, 32}, new long[3]), obs.spaces().get(0));
            assertEquals(new BatchSpace.MultiDiscrete(new long[] {2, 2, 2}, new long[3]), env.actionSpace());
        }
        try (VectorEnv env = VectorEnvs.make(REGISTRY.spec("Pendulum-v1"), 5, AutoresetMode.NEXT_STEP, Map.of())) {
            BatchSpace.Boxes actions = (BatchSpace.Boxes) env.actionSpace();
            assertArrayEquals(new int[] {5, 1}, actions.box().shape());
            assertArrayEquals(new float[] {2, 2, 2, 2, 2}, actions.box().high());
        }
    }

    @Test
    void badInputIsRefusedWithAMessage() {
        try (VectorEnv env = VectorEnvs.make(REGISTRY.spec("CartPole-v1"), 4, AutoresetMode.DISABLED, Map.of())) {
            IllegalStateException early = assertThrows(IllegalStateException.class, () -> env.step(new Batch.Longs(new long[4])));
            assertTrue(early.getMessage().contains("reset first"), early.getMessage());
            env.reset(1);
            IllegalArgumentException count = assertThrows(IllegalArgumentException.class, () -> env.step(new Batch.Longs(new long[3])));
            assertTrue(count.getMessage().contains("one action per sub-environment (4), got 3"), count.getMessage());
            assertThrows(IllegalArgumentException.class, () -> env.step(new Batch.Longs(new long[] {0, 1, 2, 0})));
            IllegalArgumentException mask = assertThrows(IllegalArgumentException.class, () -> env.reset(OptionalLong.empty(), new boolean[3]));
            assertTrue(mask.getMessage().contains("reset_mask must have one flag per sub-environment (4)"), mask.getMessage());
            assertThrows(IllegalArgumentException.class, () -> env.reset(OptionalLong.empty(), new boolean[4]));
            VectorStep step;
            do {
                step = env.step(new Batch.Longs(new long[] {1, 1, 1, 1}));
            } while (!step.done(0));
            IllegalStateException disabled = assertThrows(IllegalStateException.class, () -> env.step(new Batch.Longs(new long[4])));
            assertTrue(disabled.getMessage().contains("sub-environment 0 finished"), disabled.getMessage());
        }
    }
}
