package io.mqchat.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.joran.spi.JoranException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Operators ship logs to places many people read: no log line may carry a token, the JWT secret or a message
 * body. Every log event of the all-in-one server (broker, extension, workers, stores), under the logging
 * configuration it ships turned up to DEBUG, is captured while a realistic flow runs: 1-1 chat with receipts, typing, presence, an offline recipient's push
 * notification (with bodies allowed in notifications), a group, malformed input and refused tokens.
 */
class LogHygieneTest {

    private static final long GIVE_UP_SECONDS = 60;
    private static final String SECRET = "log-hygiene-secret-" + UUID.randomUUID();
    private static final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Capture capture = new Capture();

    @BeforeEach
    void captureEveryLogEventUnderTheShippedConfiguration() throws JoranException {
        // The configuration `mqchat run` ships (not the tests' one), turned up as an operator hunting a problem would:
        // everything at DEBUG, except what that file pins because it would log payloads.
        configure(getClass().getResource("/logback.xml"));
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            ThresholdFilter info = new ThresholdFilter(); // the test's console output keeps its usual volume
            info.setLevel("INFO");
            info.start();
            it.next().addFilter(info);
        }
        root.setLevel(Level.DEBUG);
        for (String name : List.of("io.mqchat", "com.hivemq")) {
            context.getLogger(name).setLevel(Level.DEBUG);
        }
        capture.setContext(context);
        capture.start();
        root.addAppender(capture);
    }

    @AfterEach
    void restoreTheTestsLogging() throws JoranException {
        configure(getClass().getResource("/logback-test.xml"));
    }

    private static void configure(URL file) throws JoranException {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(file);
    }

    @Test
    void noLogLineCarriesATokenTheSecretOrAMessageBody() throws Exception {
        String direct = "direct-body-" + UUID.randomUUID();
        String offline = "offline-body-" + UUID.randomUUID();
        String group = "group-body-" + UUID.randomUUID();
        String malformed = "malformed-body-" + UUID.randomUUID();
        int mqttPort = freePort();
        Map<String, String> env = Map.of(
                "MQCHAT_MQTT_PORT", String.valueOf(mqttPort),
                "MQCHAT_WEBSOCKET_PORT", "0",
                "MQCHAT_METRICS_PORT", "0", "MQCHAT_MEDIA_PORT", "0",
                "MQCHAT_JWT_SECRET", SECRET,
                "MQCHAT_NOTIFY_INCLUDE_BODY", "true",
                "MQCHAT_DATA_DIR", "state");
        CliHarness server = new CliHarness(env, dir, Clock.systemUTC());
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> server.execute());
        CompletableFuture.anyOf(server.stop.serving, run).get(GIVE_UP_SECONDS, TimeUnit.SECONDS);
        assertFalse(run.isDone(), "run ended early: " + server.err() + server.out());
        List<String> tokens;
        try (ChatFlow flow = new ChatFlow(mqttPort, SECRET)) {
            flow.oneToOneWithReceipts(direct);
            flow.typingAndPresence();
            // A recipient with no connected device: a push notification, which may carry the body.
            flow.toUserWithoutDevice(offline);
            awaitLogLine("notify carol of message f-2");
            flow.groupMessage(group);
            flow.malformedInput(malformed);
            flow.refusedTokens();
            awaitLogLine("refused CONNECT of client 'mallory:phone'");
            tokens = flow.tokens();
        } finally {
            server.stop.stop();
        }
        assertEquals(ExitCodes.OK, run.get(GIVE_UP_SECONDS, TimeUnit.SECONDS), server.err());
        lines.addAll(List.of(server.out().split("\n")));
        lines.addAll(List.of(server.err().split("\n")));

        List<String> forbidden = new ArrayList<>(tokens);
        forbidden.addAll(List.of(SECRET, direct, offline, group, malformed, "eyJ" /* how every JWT begins */));
        List<String> leaks = lines.stream().filter(line -> forbidden.stream().anyMatch(line::contains)).toList();
        assertTrue(leaks.isEmpty(), leaks.size() + " log lines leak a token, the secret or a body, e.g.:\n"
                + String.join("\n", leaks.subList(0, Math.min(5, leaks.size()))));
        assertTrue(lines.size() > 50, "the capture saw the run: " + lines.size() + " lines");
    }

    private void awaitLogLine(String fragment) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GIVE_UP_SECONDS);
        while (lines.stream().noneMatch(line -> line.contains(fragment))) {
            assertTrue(System.nanoTime() < deadline, "no log line with: " + fragment);
            Thread.sleep(50);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Keeps every event as the text any appender could write: message, arguments' rendering, MDC, stack trace. */
    private final class Capture extends AppenderBase<ILoggingEvent> {
        @Override
        protected void append(ILoggingEvent event) {
            StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
            event.getMDCPropertyMap().forEach((key, value) -> line.append(' ').append(key).append('=').append(value));
            if (event.getThrowableProxy() != null) {
                line.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
            lines.add(line.toString());
        }
    }
}
