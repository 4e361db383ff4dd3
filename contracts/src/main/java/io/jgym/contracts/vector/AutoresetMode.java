package io.jgym.contracts.vector;

import java.util.Arrays;
import java.util.Locale;

/**
 * When a vector environment resets a finished sub-environment, as Gymnasium 1.2.3's
 * {@code gymnasium.vector.AutoresetMode}.
 *
 * <ul>
 *   <li>{@link #NEXT_STEP} (the default): the call that ends an episode returns its true last
 *       observation; the next call resets that sub-environment instead of stepping it, ignoring its
 *       action, and returns the new first observation with reward 0 and both flags false.</li>
 *   <li>{@link #SAME_STEP}: a finishing sub-environment is reset in the same call; its last
 *       observation and info go to {@code infos["final_obs"]} and {@code infos["final_info"]}.</li>
 *   <li>{@link #DISABLED}: nothing is reset automatically; the caller resets finished
 *       sub-environments with a reset mask before stepping again.</li>
 * </ul>
 */
public enum AutoresetMode {
    NEXT_STEP("NextStep"),
    SAME_STEP("SameStep"),
    DISABLED("Disabled");

    private final String gymnasiumValue;

    AutoresetMode(String gymnasiumValue) {
        this.gymnasiumValue = gymnasiumValue;
    }

    /** The wire name: {@code next_step}, {@code same_step} or {@code disabled}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Gymnasium's enum value: {@code NextStep}, {@code SameStep} or {@code Disabled}. */
    public String gymnasiumValue() {
        return gymnasiumValue;
    }

    /** The mode named by its wire name or Gymnasium value; anything else is an error listing both. */
    public static AutoresetMode parse(String name) {
        for (AutoresetMode mode : values()) {
            if (mode.wireName().equals(name) || mode.gymnasiumValue.equals(name)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("autoreset_mode must be one of "
                + Arrays.stream(values()).map(AutoresetMode::wireName).toList() + ", got '" + name + "'");
    }
}
