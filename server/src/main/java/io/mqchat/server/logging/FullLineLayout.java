package io.mqchat.server.logging;

import ch.qos.logback.classic.PatternLayout;

/**
 * A log line as the log file and {@code --verbose} show it: date, time, level, logger, message and stack trace.
 * Messages quote what strangers sent (client ids, topics, group names, a token parser's errors): control,
 * line-separator and invisible format characters (bidi overrides) become U+FFFD, so that no one can start a forged
 * line or hide what a line says.
 */
public final class FullLineLayout extends PatternLayout {

    static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %logger{0} - " + StrangersText.MESSAGE + "%n";

    public FullLineLayout() {
        setPattern(PATTERN);
    }
}
