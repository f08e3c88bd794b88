package io.mqchat.extension.limits;

import io.mqchat.protocol.ErrorCode;
import java.time.Clock;

/**
 * How many error messages the server sends one user: every error reply is a queued, persisted message, so a flood of
 * refused requests must not turn into a flood of stored errors. A user gets at most one {@code rate_limited} notice
 * per {@value #RATE_LIMITED_WINDOW_SECONDS} s (the flood it answers goes on meanwhile) and other errors at
 * {@value #ERRORS_PER_SECOND} a second after a burst of {@value #ERROR_BURST}. Refused requests beyond it still get
 * their MQTT 5 PUBACK reason code, which costs nothing durable.
 */
public final class ErrorReplyBudget {

    static final int RATE_LIMITED_WINDOW_SECONDS = 10;
    static final int ERRORS_PER_SECOND = 2;
    static final int ERROR_BURST = 20;

    private final RequestRateLimiter rateLimitedNotices;
    private final RequestRateLimiter otherErrors;

    public ErrorReplyBudget(Clock clock) {
        this.rateLimitedNotices = new RequestRateLimiter(new RateLimit(1.0 / RATE_LIMITED_WINDOW_SECONDS, 1), clock);
        this.otherErrors = new RequestRateLimiter(new RateLimit(ERRORS_PER_SECOND, ERROR_BURST), clock);
    }

    /** True, and counted, when {@code user} may be sent an error message with {@code code} now. */
    public boolean mayAnswer(String user, ErrorCode code) {
        return (code == ErrorCode.RATE_LIMITED ? rateLimitedNotices : otherErrors).tryAcquire(user);
    }

    /** Forgets users who were quiet for a while. */
    public void sweep() {
        rateLimitedNotices.sweep();
        otherErrors.sweep();
    }
}
