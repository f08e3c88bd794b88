package io.mqchat.server.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Keeps HiveMQ's "Setting default authentication behavior to ALLOW ALL" off the console, even with
 * {@code --verbose}: the embedded broker logs it before any extension starts, yet the mqchat extension checks every
 * CONNECT, so on a console the line would claim the broker is open when it is not. The log file keeps it, followed by
 * the server's own line saying that authentication is enforced.
 */
public final class AllowAllNotice extends Filter<ILoggingEvent> {

    private static final String NOTICE = "default authentication behavior to ALLOW ALL";

    @Override
    public FilterReply decide(ILoggingEvent event) {
        return event.getLoggerName().startsWith("com.hivemq.") && event.getFormattedMessage().contains(NOTICE)
                ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
