package io.jgym.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgym.contracts.EnvOptions;
import io.jgym.contracts.EnvRegistry;
import io.jgym.contracts.vector.AutoresetMode;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Vector instances in the store: they share the caps and the id space with the single ones, are
 * not reachable as single instances (nor the reverse), and are evicted when idle like them, with
 * a clock the test advances instead of waiting.
 */
class VectorInstanceStoreTest {

    @Test
    void vectorInstancesShareTheCapsAndAreEvictedWhenIdle() {
        AtomicLong clock = new AtomicLong();
        InstanceStore store = new InstanceStore(EnvRegistry.discover(), 3, Duration.ofMinutes(5), clock::get);
        String single = store.create("CartPole-v1", OptionalLong.empty(), EnvOptions.none());
        String idle = store.createVector("CartPole-v1", 16, AutoresetMode.NEXT_STEP, Map.of(), OptionalLong.of(0), InstanceStore.LOCAL);
        String busy = store.createVector("FrozenLake-v1", 4, AutoresetMode.SAME_STEP, Map.of(), OptionalLong.empty(), InstanceStore.LOCAL);
        assertEquals(3, store.size());
        ApiException full = assertThrows(ApiException.class, () -> store.createVector("CartPole-v1", 2, AutoresetMode.NEXT_STEP,
                Map.of(), OptionalLong.empty(), InstanceStore.LOCAL));
        assertTrue(full.getMessage().startsWith("Too many live environment instances (limit 3)"), full.getMessage());
        assertThrows(ApiException.class, () -> store.get(idle), "a vector id is not a single instance");
        assertThrows(ApiException.class, () -> store.getVector(single), "a single id is not a vector instance");

        clock.addAndGet(Duration.ofMinutes(4).toNanos());
        store.get(single);
        store.getVector(busy);
        clock.addAndGet(Duration.ofMinutes(2).toNanos());
        assertEquals(1, store.evictIdle());
        ApiException gone = assertThrows(ApiException.class, () -> store.getVector(idle));
        assertEquals("Instance_id " + idle + " unknown", gone.getMessage());
        assertEquals(java.util.Set.of(busy), store.listVectors().keySet());
        assertEquals("FrozenLake-v1", store.listVectors().get(busy).envId());
        assertEquals(2, store.size());

        store.closeVector(busy);
        assertEquals(1, store.size());
        ApiException unknownEnv = assertThrows(ApiException.class, () -> store.createVector("NoSuchEnv-v0", 2, AutoresetMode.NEXT_STEP,
                Map.of(), OptionalLong.empty(), InstanceStore.LOCAL));
        assertTrue(unknownEnv.getMessage().contains("malformed environment ID 'NoSuchEnv-v0'"), unknownEnv.getMessage());
        assertEquals(1, store.size(), "a failed create gives its place back");
    }

    @Test
    void subEnvironmentsOfAllVectorInstancesStayWithinTheirBudget() {
        InstanceStore store = new InstanceStore(EnvRegistry.discover(), 10, 10, 100, Duration.ofMinutes(5), System::nanoTime);
        String first = store.createVector("CartPole-v1", 60, AutoresetMode.NEXT_STEP, Map.of(), OptionalLong.empty(), InstanceStore.LOCAL);
        ApiException over = assertThrows(ApiException.class, () -> store.createVector("Taxi-v3", 41, AutoresetMode.NEXT_STEP,
                Map.of(), OptionalLong.empty(), InstanceStore.LOCAL));
        assertTrue(over.getMessage().startsWith("Too many sub-environments in live vector instances (limit 100 in all, 40 free now)"),
                over.getMessage());
        assertEquals(1, store.size(), "a refused create takes no place");
        store.createVector("Taxi-v3", 40, AutoresetMode.NEXT_STEP, Map.of(), OptionalLong.empty(), InstanceStore.LOCAL);
        store.closeVector(first);
        assertThrows(IllegalArgumentException.class, () -> store.createVector("Taxi-v3", 2, AutoresetMode.NEXT_STEP,
                Map.of("is_rainy", "x"), OptionalLong.empty(), InstanceStore.LOCAL), "bad options");
        store.createVector("Taxi-v3", 60, AutoresetMode.NEXT_STEP, Map.of(), OptionalLong.empty(), InstanceStore.LOCAL);
        assertThrows(ApiException.class, () -> store.createVector("Taxi-v3", 1, AutoresetMode.NEXT_STEP, Map.of(),
                OptionalLong.empty(), InstanceStore.LOCAL), "the budget is full again");
        assertEquals(2, store.size());
    }
}
