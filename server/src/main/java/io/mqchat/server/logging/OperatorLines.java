package io.mqchat.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * What an operator must see on the console without {@code --verbose}: warnings and errors of mqchat's own components
 * (a store not reachable yet, a stalled feed, a full device queue, a refused relay). The libraries' lines, whatever
 * their level, go to the log file only: at start they are noise (a MongoDB client settings dump, an embedded store's
 * "not yet implemented" index warnings, HiveMQ's "ALLOW ALL" default that the mqchat extension overrides), and a
 * library failure that matters reaches the console through our own components' errors.
 */
public final class OperatorLines extends Filter<ILoggingEvent> {

    private static final String OURS = "io.mqchat.";

    @Override
    public FilterReply decide(ILoggingEvent event) {
        boolean ours = event.getLoggerName().startsWith(OURS);
        return ours && event.getLevel().isGreaterOrEqual(Level.WARN) ? FilterReply.NEUTRAL : FilterReply.DENY;
    }
}
