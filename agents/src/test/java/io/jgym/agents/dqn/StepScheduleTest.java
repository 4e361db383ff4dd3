package io.jgym.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StepScheduleTest {

    @Test
    void exponentialDecaysByTheFactorPerStepDownToTheFloor() {
        StepSchedule schedule = DqnConfig.course().schedule(DqnConfig.course().maxSteps());
        assertEquals(0.95, schedule.value(0), 1e-12);
        assertEquals(0.95 * 0.995, schedule.value(1), 1e-12);
        assertEquals(0.95 * Math.pow(0.995, 500), schedule.value(500), 1e-12);
        assertEquals(0.01, schedule.value(1_000), 1e-12, "0.95 * 0.995^1000 is below the 0.01 floor");
    }

    @Test
    void linearReachesTheEndAfterItsFractionOfTheSteps() {
        StepSchedule schedule = StepSchedule.of(StepSchedule.Kind.LINEAR, 1.0, 0.05, 0.1, 10_000);
        assertEquals(1.0, schedule.value(0), 1e-12);
        assertEquals(0.525, schedule.value(500), 1e-12);
        assertEquals(0.05, schedule.value(1_000), 1e-12);
        assertEquals(0.05, schedule.value(9_999), 1e-12);
    }
}
