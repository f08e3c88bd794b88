package io.mqchat.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Layout;
import io.mqchat.server.logging.FullLineLayout;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whatever a stranger puts into a logged string (a client id, a group name, a token's header), a log line of the
 * configuration `mqchat run` ships (its console and its log file) stays one line that shows what it says: no forged
 * second line, no bidi override turning the rest of the line around.
 */
class LogInjectionTest {

    @Test
    void aMessageWithLineBreaksAndBidiControlsStaysOneVisibleLine() throws Exception {
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(getClass().getResource("/logback.xml"));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        @SuppressWarnings("unchecked")
        ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>) root.getAppender("CONSOLE");
        LayoutWrappingEncoder<ILoggingEvent> encoder = (LayoutWrappingEncoder<ILoggingEvent>) console.getEncoder();

        String hostile = "mallory:phone\r\n12:00:00.000 INFO  JwtAuthenticator - admin logged in\u2028\u202Eevil\u0000";
        LoggingEvent event = new LoggingEvent(getClass().getName(), context.getLogger("io.mqchat.test"), Level.WARN,
                "refused CONNECT of client '{}'", null, new Object[] {hostile});
        // The console's layout, and the one of the log file and --verbose.
        FullLineLayout file = new FullLineLayout();
        file.setContext(context);
        file.start();
        for (Layout<ILoggingEvent> layout : List.of(encoder.getLayout(), file)) {
            String line = layout.doLayout(event);

            assertEquals(line.length() - 1, line.indexOf('\n'), "one line, ended by the pattern's own line break: " + line);
            assertFalse(line.contains("\r") || line.contains("\u2028") || line.contains("\u202E") || line.contains("\u0000"),
                    line);
            assertTrue(line.contains("admin logged in") && line.contains("evil"), "the text itself is still shown: " + line);
        }
        context.stop();
    }
}
