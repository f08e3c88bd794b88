package io.mqchat.server.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** The run's console: our warnings and errors one line each, or with {@code --verbose} every line but one. */
final class RunConsole {

    private RunConsole() {
    }

    /** A started appender writing to {@code console}, which it never closes. */
    static Appender<ILoggingEvent> to(OutputStream console, boolean verbose, LoggerContext context) {
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setName("CONSOLE");
        if (verbose) {
            AllowAllNotice misleading = new AllowAllNotice();
            misleading.start();
            appender.addFilter(misleading);
            appender.setEncoder(LayoutEncoder.of(context, new FullLineLayout()));
        } else {
            OperatorLines ours = new OperatorLines();
            ours.start();
            appender.addFilter(ours);
            appender.setEncoder(LayoutEncoder.of(context, new OperatorLineLayout()));
        }
        appender.setOutputStream(new KeptOpen(console));
        appender.start();
        return appender;
    }

    /** Stopping an appender closes its stream; the process's standard error must stay open. */
    private static final class KeptOpen extends FilterOutputStream {

        KeptOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
