package io.mqchat.server.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;

/** The log file: every line, rolled over by size into {@code mqchat.1.log} and on, so that it never fills the disk. */
final class RollingLogFile {

    /** A file rolls over at this size, and this many rolled files are kept: at most 60 MiB in all. */
    static final FileSize MAX_FILE_SIZE = FileSize.valueOf("10MB");
    static final int KEPT_FILES = 5;

    private RollingLogFile() {
    }

    /** A started appender writing {@code file}; throws {@link IllegalStateException} when it cannot. */
    static Appender<ILoggingEvent> at(LoggerContext context, Path file) {
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName("FILE");
        appender.setFile(file.toString());
        FixedWindowRollingPolicy rolled = new FixedWindowRollingPolicy();
        rolled.setContext(context);
        rolled.setParent(appender);
        rolled.setFileNamePattern(file.resolveSibling("mqchat.%i.log").toString());
        rolled.setMinIndex(1);
        rolled.setMaxIndex(KEPT_FILES);
        rolled.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(MAX_FILE_SIZE);
        trigger.start();
        appender.setRollingPolicy(rolled);
        appender.setTriggeringPolicy(trigger);
        appender.setEncoder(LayoutEncoder.of(context, new FullLineLayout()));
        appender.start();
        if (!appender.isStarted()) {
            // Logback only records why in its status; a server that cannot keep its log says so and does not start.
            throw new IllegalStateException("cannot write the log file " + file);
        }
        return appender;
    }
}
