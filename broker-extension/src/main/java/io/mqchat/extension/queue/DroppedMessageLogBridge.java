package io.mqchat.extension.queue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import org.slf4j.LoggerFactory;

/**
 * HiveMQ CE reports a dropped message only through its event log ({@code event.message-dropped}, with
 * client id, topic, QoS and reason as log arguments) and one global counter. This appender listens on that
 * logger and forwards queue-full drops to {@link QueueOverflowNotices}.
 *
 * <p>It needs logback, which the embedded broker brings; a zip-deployed extension runs in an isolated class
 * loader and may not see it, in which case {@link #install} reports false.
 */
public final class DroppedMessageLogBridge extends UnsynchronizedAppenderBase<ILoggingEvent> {

    static final String EVENT_LOGGER = "event.message-dropped";

    private final QueueOverflowNotices notices;

    private DroppedMessageLogBridge(QueueOverflowNotices notices) {
        this.notices = notices;
        setName("mqchat-queue-overflow");
    }

    /** Attaches a bridge to HiveMQ's drop log; returns the means to detach it, or null when logback is absent. */
    public static Runnable install(QueueOverflowNotices notices) {
        try {
            if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
                return null;
            }
            ch.qos.logback.classic.Logger logger = context.getLogger(EVENT_LOGGER);
            DroppedMessageLogBridge bridge = new DroppedMessageLogBridge(notices);
            bridge.setContext(context);
            bridge.start();
            if (logger.getLevel() == null || logger.getLevel().isGreaterOrEqual(Level.INFO)) {
                // HiveMQ logs drops at DEBUG. Raising the level for the bridge must not flood the
                // application's appenders with them (own-copy suppression counts as a drop too).
                logger.setLevel(Level.DEBUG);
                logger.setAdditive(false);
            }
            logger.addAppender(bridge);
            return () -> {
                logger.detachAppender(bridge);
                bridge.stop();
            };
        } catch (LinkageError e) {
            return null;
        }
    }

    @Override
    protected void append(ILoggingEvent event) {
        Object[] args = event.getArgumentArray();
        if (args == null || args.length < 4 || args[0] == null) {
            return;
        }
        String reason = String.valueOf(args[3]).toLowerCase(java.util.Locale.ROOT);
        if (reason.contains("queue")) {
            notices.dropped(String.valueOf(args[0]), String.valueOf(args[1]));
        }
    }
}
