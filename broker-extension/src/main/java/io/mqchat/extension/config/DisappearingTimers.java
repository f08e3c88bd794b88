package io.mqchat.extension.config;

import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.ErrorCode;
import io.mqchat.protocol.ProtocolException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The disappearing-message timers a server offers (e.g. 24 hours, 7 days, 90 days). A message's {@code ttl} and a
 * conversation's {@code timer} must be one of them ({@code timer} may also be 0, off), so that clients offer the
 * same short list everywhere and nobody stores a message for a time the operator did not choose.
 *
 * @param choices the timers, in whole seconds, as configured
 */
public record DisappearingTimers(List<Integer> choices) {

    /** 24 hours, 7 days and 90 days, the choices of the big messengers. */
    public static final DisappearingTimers DEFAULT = of(List.of(Duration.ofHours(24), Duration.ofDays(7),
            Duration.ofDays(90)));

    public DisappearingTimers {
        choices = List.copyOf(choices);
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("at least one disappearing-message timer is needed");
        }
        for (int seconds : choices) {
            if (seconds < 1 || seconds > ChatMessage.MAX_TTL_SECONDS) {
                throw new IllegalArgumentException("a disappearing-message timer must be 1 s to 366 days");
            }
        }
    }

    /** The timers of {@code durations}, each a whole number of seconds. */
    public static DisappearingTimers of(List<Duration> durations) {
        return new DisappearingTimers(durations.stream().map(d -> {
            if (d.toMillis() % 1000 != 0) {
                throw new IllegalArgumentException("a disappearing-message timer is whole seconds: " + d);
            }
            return Math.toIntExact(d.toSeconds());
        }).collect(Collectors.toList()));
    }

    /** True when {@code seconds} is one of the choices. */
    public boolean offers(int seconds) {
        return choices.contains(seconds);
    }

    /**
     * Refuses a message whose ttl or timer the server does not offer (a timer may always be turned off).
     *
     * @throws ProtocolException {@code invalid_envelope}, naming the choices
     */
    public void requireOffered(ChatMessage message) throws ProtocolException {
        if (message.ttl() != null && !offers(message.ttl())) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE,
                    "ttl must be one of the server's disappearing-message timers: " + describe());
        }
        if (message.timer() != null && message.timer() != 0 && !offers(message.timer())) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE,
                    "timer must be 0 or one of the server's disappearing-message timers: " + describe());
        }
    }

    /** The choices for an error message, e.g. {@code "86400, 604800 s"}. */
    public String describe() {
        return choices.stream().map(String::valueOf).collect(Collectors.joining(", ")) + " s";
    }
}
