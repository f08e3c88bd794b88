package io.mqchat.extension.metrics;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * One condition of readiness, e.g. "redis answers a PING". A probe that throws counts as failing: a store that
 * is down often says so with an exception.
 *
 * @param name  shown in the readiness answer, e.g. {@code redis}
 * @param probe true while the condition holds; should answer within a couple of seconds
 */
public record HealthCheck(String name, BooleanSupplier probe) {

    public HealthCheck {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(probe, "probe");
    }

    /** Runs the probe. */
    public boolean passes() {
        try {
            return probe.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
