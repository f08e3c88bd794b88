package io.mqchat.extension.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Builds a process's readiness conditions from fixed checks and named conditions (e.g. one per feed). */
public final class HealthChecks {

    private HealthChecks() {
    }

    /** {@code fixed} followed by one check per entry of {@code named}, in its order. */
    public static List<HealthCheck> of(List<HealthCheck> fixed, Map<String, BooleanSupplier> named) {
        List<HealthCheck> checks = new ArrayList<>(fixed);
        named.forEach((name, probe) -> checks.add(new HealthCheck(name, probe)));
        return List.copyOf(checks);
    }
}
