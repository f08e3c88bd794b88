package io.mqchat.terminal.view;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Times and timers as a person reads them: {@code 12:03} today, {@code 2026-12-05 12:03} before; {@code 24h}. */
public final class Times {

    private static final DateTimeFormatter TODAY = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter EARLIER = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Clock clock;
    private final ZoneId zone;

    public Times(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    public String at(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        boolean today = local.toLocalDate().equals(LocalDate.now(clock.withZone(zone)));
        return (today ? TODAY : EARLIER).format(local);
    }

    /** A disappearing timer: {@code off}, or its largest whole unit ({@code 90d}, {@code 24h}, {@code 30m}). */
    public static String timer(Duration timer) {
        long seconds = timer.getSeconds();
        if (seconds == 0) {
            return "off";
        }
        // "24h" rather than "1d": the way the usual timers are named.
        if (seconds % 86_400 == 0 && seconds > 86_400) {
            return seconds / 86_400 + "d";
        }
        if (seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }
}
