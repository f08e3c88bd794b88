package io.mqchat.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration syntax of mqchat's configuration: a whole number and a unit, {@code 500ms}, {@code 30s},
 * {@code 10m}, {@code 24h} or {@code 7d}. Deliberately smaller than ISO-8601, so that a value reads the same in
 * a file, an environment variable and a command-line option.
 */
public final class DurationFormat {

    private static final Pattern SYNTAX = Pattern.compile("(\\d{1,12})(ms|s|m|h|d)");

    /** What {@link #parse} accepts, for messages. */
    public static final String EXAMPLES = "500ms, 30s, 10m, 24h or 7d";

    private DurationFormat() {
    }

    /**
     * The duration {@code text} names.
     *
     * @throws IllegalArgumentException when {@code text} is not a number followed by ms, s, m, h or d
     */
    public static Duration parse(String text) {
        Matcher m = SYNTAX.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration (use " + EXAMPLES + ")");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    /** The shortest text {@link #parse} reads back as {@code duration}, e.g. {@code 90s} or {@code 7d}. */
    public static String format(Duration duration) {
        long ms = duration.toMillis();
        long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (ms != 0 && ms % sizes[i] == 0) {
                return ms / sizes[i] + units[i];
            }
        }
        return ms + "ms";
    }
}
