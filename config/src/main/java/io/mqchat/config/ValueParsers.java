package io.mqchat.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The value types configuration keys are made of; each parser checks its range as well as its syntax. */
public final class ValueParsers {

    private ValueParsers() {
    }

    /** Any non-empty text. */
    public static ValueParser<String> text() {
        return of("text", s -> s);
    }

    /** A whole number in {@code [min, max]}. */
    public static ValueParser<Integer> integer(int min, int max) {
        ValueParser<Long> wide = longInteger(min, max);
        return of(wide.describe(), s -> wide.parse(s).intValue());
    }

    /** A whole number in {@code [min, max]}. */
    public static ValueParser<Long> longInteger(long min, long max) {
        String range = max == Long.MAX_VALUE || max == Integer.MAX_VALUE ? "at least " + min : min + "-" + max;
        return of("integer " + range, s -> {
            long value;
            try {
                value = Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an integer");
            }
            if (value < min || value > max) {
                throw new IllegalArgumentException("out of range (" + range + ")");
            }
            return value;
        });
    }

    /** A TCP port, 1-65535, or also 0 when {@code zeroMeansOff}. */
    public static ValueParser<Integer> port(boolean zeroMeansOff) {
        ValueParser<Integer> number = integer(zeroMeansOff ? 0 : 1, 65535);
        String described = zeroMeansOff ? "port 1-65535, or 0 for off" : "port 1-65535";
        return of(described, s -> {
            try {
                return number.parse(s);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a " + described);
            }
        });
    }

    /** A duration in {@link DurationFormat} syntax, at least {@code min}. */
    public static ValueParser<Duration> duration(Duration min) {
        return duration(min, null);
    }

    /** A duration in {@link DurationFormat} syntax in {@code [min, max]}; a null {@code max} means no upper bound. */
    public static ValueParser<Duration> duration(Duration min, Duration max) {
        String described = "duration (" + DurationFormat.EXAMPLES + ")"
                + (min.isZero() ? "" : ", at least " + DurationFormat.format(min))
                + (max == null ? "" : ", at most " + DurationFormat.format(max));
        return of(described, s -> {
            Duration value = DurationFormat.parse(s);
            if (value.compareTo(min) < 0) {
                throw new IllegalArgumentException("below the minimum of " + DurationFormat.format(min));
            }
            if (max != null && value.compareTo(max) > 0) {
                throw new IllegalArgumentException("above the maximum of " + DurationFormat.format(max));
            }
            return value;
        });
    }

    /** A comma-separated list of durations, each in {@code [min, max]}, without repeats; at least one. */
    public static ValueParser<List<Duration>> durations(Duration min, Duration max) {
        ValueParser<Duration> one = duration(min, max);
        return of("comma-separated " + one.describe(), s -> {
            List<Duration> values = new ArrayList<>();
            for (String part : s.split(",")) {
                if (part.isBlank()) {
                    throw new IllegalArgumentException("an empty entry in the list");
                }
                Duration value = one.parse(part.trim());
                if (values.contains(value)) {
                    throw new IllegalArgumentException(part.trim() + " is listed twice");
                }
                values.add(value);
            }
            return List.copyOf(values);
        });
    }

    /** One of {@code choices}, matched without regard to case and returned as declared. */
    public static ValueParser<String> choice(List<String> choices) {
        String described = "one of " + String.join(", ", choices);
        return of(described, s -> choices.stream()
                .filter(c -> c.equalsIgnoreCase(s))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not " + described)));
    }

    /** {@code true} or {@code false}, without regard to case. */
    public static ValueParser<Boolean> bool() {
        return of("true or false", s -> {
            if (s.equalsIgnoreCase("true")) {
                return true;
            }
            if (s.equalsIgnoreCase("false")) {
                return false;
            }
            throw new IllegalArgumentException("not true or false");
        });
    }

    /** A file system path; relative paths stay relative (to the working directory). */
    public static ValueParser<Path> path() {
        return of("path", s -> {
            try {
                return Path.of(s);
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("not a valid path");
            }
        });
    }

    /** An absolute http or https URL. */
    public static ValueParser<URI> httpUrl() {
        return of("http(s) URL", s -> {
            try {
                URI uri = new URI(s);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                    throw new IllegalArgumentException("not an http(s) URL");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
        });
    }

    private static <T> ValueParser<T> of(String description, java.util.function.Function<String, T> parse) {
        return new ValueParser<>() {
            @Override
            public T parse(String text) {
                return parse.apply(text);
            }

            @Override
            public String describe() {
                return description;
            }
        };
    }
}
