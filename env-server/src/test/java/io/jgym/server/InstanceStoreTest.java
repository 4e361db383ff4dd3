package io.jgym.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jgym.contracts.EnvOptions;
import io.jgym.contracts.EnvRegistry;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Idle eviction, driven by a clock the test advances instead of by waiting. */
class InstanceStoreTest {

    @Test
    void instancesIdleLongerThanTheTimeoutAreClosedAndOthersKept() {
        AtomicLong clock = new AtomicLong();
        InstanceStore store = new InstanceStore(EnvRegistry.discover(), 10, Duration.ofMinutes(5), clock::get);
        String idle = store.create("CartPole-v1", OptionalLong.empty(), EnvOptions.none());
        String busy = store.create("CartPole-v1", OptionalLong.empty(), EnvOptions.none());

        clock.addAndGet(Duration.ofMinutes(4).toNanos());
        store.get(busy);
        assertEquals(0, store.evictIdle(), "nothing is idle for 5 minutes yet");

        clock.addAndGet(Duration.ofMinutes(2).toNanos());
        assertEquals(1, store.evictIdle());
        ApiException gone = assertThrows(ApiException.class, () -> store.get(idle));
        assertEquals("Instance_id " + idle + " unknown", gone.getMessage());
        assertEquals("CartPole-v1", store.list().get(busy));
    }
}
