package io.mqchat.server.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped logging configuration ({@code logback.xml}) in a logger context of the test's own, routed as
 * {@code mqchat run} routes it once the data folder is known: which lines reach the console and which only the file.
 */
class ServerLogTest {

    @TempDir
    Path dataDir;

    private final LoggerContext context = new LoggerContext();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @BeforeEach
    void configureAsShipped() throws Exception {
        context.setMDCAdapter(new LogbackMDCAdapter()); // what the process's own context gets from SLF4J
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(getClass().getResource("/logback.xml"));
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void withoutVerboseTheConsoleShowsOnlyOurWarningsAndErrorsAndTheFileEverything() throws Exception {
        try (ServerLog log = ServerLog.open(context, dataDir, false, console)) {
            logTheStartsKindsOfLines();
        }

        assertEquals(List.of("mqchat: warning: MongoDB is not reachable yet (timed out); group messages wait until it is",
                "mqchat: error: dropping a message on 'x' that cannot be handled"), consoleLines());
        String file = Files.readString(dataDir.resolve(ServerLog.FILE_NAME));
        for (String line : List.of("Starting HiveMQ Community Edition Server", "ALLOW ALL", "secondary index",
                "MongoDB is not reachable yet", "java.lang.IllegalStateException: unreadable")) {
            assertTrue(file.contains(line), "the file has every line, e.g. " + line + ":\n" + file);
        }
    }

    @Test
    void withVerboseTheConsoleShowsEveryLineButHiveMQsAllowAllDefault() throws Exception {
        try (ServerLog log = ServerLog.open(context, dataDir, true, console)) {
            logTheStartsKindsOfLines();
        }

        String shown = console.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("INFO  HiveMQServer - Starting HiveMQ Community Edition Server"), shown);
        assertTrue(shown.contains("secondary index"), shown);
        assertTrue(shown.contains("java.lang.IllegalStateException: unreadable"), shown);
        assertFalse(shown.contains("ALLOW ALL"), shown);
        assertTrue(Files.readString(dataDir.resolve(ServerLog.FILE_NAME)).contains("ALLOW ALL"));
    }

    @Test
    void closingPutsTheStartUpConsoleBackAndLetsGoOfTheFile() throws Exception {
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertNotNull(root.getAppender("CONSOLE"));

        ServerLog log = ServerLog.open(context, dataDir, false, console);
        assertNotNull(root.getAppender("FILE"), "the file while it runs");
        log.close();

        assertNull(root.getAppender("FILE"));
        assertTrue(root.getAppender("CONSOLE").getCopyOfAttachedFiltersList().stream()
                .anyMatch(OperatorLines.class::isInstance), "the shipped start-up console is back");
        context.getLogger("io.mqchat.late").warn("after the stop");
        assertEquals(List.of(), consoleLines(), "nothing more goes to the run's console");
    }

    @Test
    void aLogFileThatCannotBeWrittenIsAClearErrorAndChangesNothing() throws Exception {
        Path notAFolder = Files.writeString(dataDir.resolve("data"), "a file where the data folder should be");

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ServerLog.open(context, notAFolder, false, console));

        assertEquals("cannot write the log file " + notAFolder.resolve(ServerLog.FILE_NAME), e.getMessage());
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertNull(root.getAppender("FILE"));
        assertNotNull(root.getAppender("CONSOLE"), "the start-up console stays");
    }

    @Test
    void anOperatorsOwnLoggingConfigurationIsLeftAsItIs() throws Exception {
        LoggerContext own = new LoggerContext();
        own.setMDCAdapter(new LogbackMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(own);
        configurator.doConfigure(getClass().getResource("/logback-test.xml")); // a plain console, as the image's JSON one
        Logger root = own.getLogger(Logger.ROOT_LOGGER_NAME);

        try (ServerLog log = ServerLog.open(own, dataDir, true, console)) {
            own.getLogger("com.hivemq.HiveMQServer").info("Starting HiveMQ Community Edition Server");
            assertTrue(log.file().isEmpty());
            assertNull(root.getAppender("FILE"));
            assertNotNull(root.getAppender("CONSOLE"), "its own console stays");
        } finally {
            own.stop();
        }
        assertEquals(List.of(), consoleLines(), "no second console");
        assertFalse(Files.exists(dataDir.resolve(ServerLog.FILE_NAME)), "no log file");
    }

    /** What a start logs: the broker's and the libraries' lines, and our own components' lines of every level. */
    private void logTheStartsKindsOfLines() {
        context.getLogger("com.hivemq.embedded.internal.EmbeddedHiveMQImpl")
                .info("Setting default authentication behavior to ALLOW ALL");
        context.getLogger("com.hivemq.HiveMQServer").info("Starting HiveMQ Community Edition Server");
        context.getLogger("de.bwaldvogel.mongo.backend.AbstractMongoDatabase")
                .warn("adding secondary index with keys [members] is not yet implemented. ignoring");
        context.getLogger("de.bwaldvogel.mongo.wire.MongoWireProtocolHandler")
                .error("failed to handle {}", "getlasterror", new IllegalStateException("requires authentication"));
        context.getLogger("io.mqchat.service.ServiceConnection").info("service svc-presence:events-5 connected");
        context.getLogger("io.mqchat.server.workers.InProcessWorkers")
                .warn("MongoDB is not reachable yet ({}); group messages wait until it is", "timed out");
        context.getLogger("io.mqchat.service.Subscription").error("dropping a message on '{}' that cannot be handled",
                "x", new IllegalStateException("unreadable"));
    }

    private List<String> consoleLines() {
        String shown = console.toString(StandardCharsets.UTF_8);
        return shown.isEmpty() ? List.of() : List.of(shown.split("\n"));
    }
}
