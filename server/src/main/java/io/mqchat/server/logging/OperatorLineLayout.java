package io.mqchat.server.logging;

import ch.qos.logback.classic.PatternLayout;

/**
 * A warning or error on the console, in the voice of the other start-up lines:
 * {@code mqchat: warning: MongoDB is not reachable yet (...)}. One line, no stack trace: the log file has it.
 */
public final class OperatorLineLayout extends PatternLayout {

    static final String PATTERN = "mqchat: %replace(%replace(%level){'WARN', 'warning'}){'ERROR', 'error'}: "
            + StrangersText.MESSAGE + "%n%nopex";

    public OperatorLineLayout() {
        setPattern(PATTERN);
    }
}
