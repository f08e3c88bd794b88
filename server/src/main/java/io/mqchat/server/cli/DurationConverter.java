package io.mqchat.server.cli;

import io.mqchat.config.DurationFormat;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads command-line durations in the same syntax as the config file ({@code 30s}, {@code 24h}, {@code 7d}). */
public final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        try {
            return DurationFormat.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + value + "' is " + e.getMessage());
        }
    }
}
