package io.mqchat.config;

import java.util.List;

/**
 * The configuration cannot be used. Carries every problem found, so that a user fixes them all in one go;
 * the message is meant to be shown as it is, without a stack trace.
 */
public final class ConfigException extends RuntimeException {

    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(render(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a config error needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public ConfigException(String problem) {
        this(List.of(problem));
    }

    /** Each problem in one line, e.g. {@code mqtt.port: "abc" is not a port 1-65535 (from MQCHAT_MQTT_PORT)}. */
    public List<String> problems() {
        return problems;
    }

    private static String render(List<String> problems) {
        StringBuilder text = new StringBuilder("invalid configuration");
        text.append(problems.size() == 1 ? " (1 problem):" : " (" + problems.size() + " problems):");
        for (String problem : problems) {
            text.append(System.lineSeparator()).append("  - ").append(problem);
        }
        return text.toString();
    }
}
