package io.mqchat.server.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.slf4j.ILoggerFactory;

/**
 * Where the server's log lines go once the data folder is known: every line to {@value #FILE_NAME} in it, rolled
 * over by size so that it never fills the disk; to the console only what {@link OperatorLines} lets through, or with
 * {@code --verbose} every line but {@link AllowAllNotice}. Until then the console shipped in {@code logback.xml} (the
 * same filter) is the only one. A logging configuration of the operator's own (the container image's JSON lines to
 * standard output, {@code -Dlogback.configurationFile}) has no such console and is left as it is. Closing restores the
 * shipped console, so that an in-process test's next run still has one.
 */
public final class ServerLog implements AutoCloseable {

    /** The log file, in the data folder. */
    public static final String FILE_NAME = "mqchat.log";

    private final Logger root;
    private final List<Appender<ILoggingEvent>> shippedConsoles;
    private final List<Appender<ILoggingEvent>> added = new ArrayList<>();
    private final Optional<Path> file;

    private ServerLog(Logger root, List<Appender<ILoggingEvent>> shippedConsoles, Optional<Path> file) {
        this.root = root;
        this.shippedConsoles = shippedConsoles;
        this.file = file;
    }

    /**
     * Sends the log to a file in {@code dataDir} and to {@code console}, where the shipped configuration is in effect.
     *
     * @param loggers the process's logging (logback; anything else is left as it is)
     * @param verbose every line to the console too, not only our warnings and errors
     * @param console where console lines go (standard error)
     * @throws IllegalStateException when the log file cannot be written
     */
    public static ServerLog open(ILoggerFactory loggers, Path dataDir, boolean verbose, OutputStream console) {
        if (!(loggers instanceof LoggerContext context)) {
            return new ServerLog(null, List.of(), Optional.empty());
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        List<Appender<ILoggingEvent>> shipped = shippedConsoles(root);
        if (shipped.isEmpty()) {
            return new ServerLog(null, List.of(), Optional.empty());
        }
        Path file = dataDir.resolve(FILE_NAME);
        ServerLog log = new ServerLog(root, shipped, Optional.of(file));
        log.attach(RollingLogFile.at(context, file));
        log.attach(RunConsole.to(console, verbose, context));
        shipped.forEach(root::detachAppender);
        return log;
    }

    /** The log file (it may roll over into {@code mqchat.1.log} and on); empty under an operator's own configuration. */
    public Optional<Path> file() {
        return file;
    }

    private void attach(Appender<ILoggingEvent> appender) {
        root.addAppender(appender);
        added.add(appender);
    }

    /** The console of the shipped {@code logback.xml}: the one with the {@link OperatorLines} filter. */
    private static List<Appender<ILoggingEvent>> shippedConsoles(Logger root) {
        List<Appender<ILoggingEvent>> shipped = new ArrayList<>();
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            Appender<ILoggingEvent> appender = it.next();
            if (appender.getCopyOfAttachedFiltersList().stream().anyMatch(OperatorLines.class::isInstance)) {
                shipped.add(appender);
            }
        }
        return shipped;
    }

    /** Puts the shipped console back and closes the file. */
    @Override
    public void close() {
        if (root == null) {
            return;
        }
        shippedConsoles.forEach(root::addAppender);
        for (Appender<ILoggingEvent> appender : added) {
            root.detachAppender(appender);
            appender.stop();
        }
    }
}
