package io.mqchat.server.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;

/** A started encoder writing lines of one of our layouts. */
final class LayoutEncoder {

    private LayoutEncoder() {
    }

    static LayoutWrappingEncoder<ILoggingEvent> of(LoggerContext context, PatternLayout layout) {
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        return encoder;
    }
}
