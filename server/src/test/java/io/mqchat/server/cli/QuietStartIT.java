package io.mqchat.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./mqchat run} as a newcomer starts it (the script, the packaged server, the shipped logging): before the
 * ready line it prints only the lines README shows, none of the libraries' noise, and the libraries' lines are in the
 * log file in the data folder; with {@code --verbose} they are on the console too. Runs after packaging (failsafe).
 */
class QuietStartIT {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    /** A bound on waiting so that a broken server fails the test instead of hanging it; never a measurement. */
    private static final long GIVE_UP_SECONDS = 120;
    /** What the libraries print at start, and what must never reach the console without --verbose. */
    private static final List<String> NOISE = List.of("MongoClientSettings", "secondary index", "ALLOW ALL",
            "HiveMQ", "ServiceConnection", "Exception", "\tat ");

    @TempDir
    Path work;
    private Process server;
    private Thread reader;
    private final BlockingQueue<String> printed = new LinkedBlockingQueue<>();

    @AfterEach
    void stopServer() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroyForcibly().waitFor(GIVE_UP_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Test
    void startPrintsOnlyReadmesLinesAndTheLibrariesGoToTheLogFile() throws Exception {
        List<Pattern> readme = readmeRunOutput();
        start(Map.of());

        List<String> start = untilReady();
        for (String line : start) {
            assertTrue(readme.stream().anyMatch(shown -> shown.matcher(line).matches()),
                    "README's `./mqchat run` block shows no line like: " + line + "\nprinted:\n" + String.join("\n", start));
            assertTrue(NOISE.stream().noneMatch(line::contains), "library noise on the console: " + line);
        }
        assertTrue(start.size() <= readme.size(), "no more lines than README shows: " + start);
        assertTrue(start.contains("mqchat: log ./data/mqchat.log (run --verbose to see it here too)"), start.toString());
        assertTrue(start.stream().anyMatch(line -> line.startsWith("mqchat: notifications: log sink")), start.toString());

        server.toHandle().destroy(); // SIGTERM; Process.destroy() would also close the output stream
        assertTrue(server.waitFor(GIVE_UP_SECONDS, TimeUnit.SECONDS), "the server stops on SIGTERM");
        assertEquals(List.of("mqchat: stopping", "mqchat: stopped"), rest());
        String log = Files.readString(work.resolve("data").resolve("mqchat.log"));
        for (String line : List.of("Starting HiveMQ Community Edition Server", "ALLOW ALL",
                "authentication: the mqchat extension checks every CONNECT's token", "MongoClient with metadata",
                "Stopped EmbeddedHiveMQ")) {
            assertTrue(log.contains(line), "the log file has the libraries' lines, e.g. " + line);
        }
    }

    @Test
    void withVerboseTheLibrariesLinesAreOnTheConsoleTooButNeverAllowAll() throws Exception {
        // And a webhook sink, which the start names by its host.
        start(Map.of("MQCHAT_NOTIFY_SINK", "webhook", "MQCHAT_NOTIFY_WEBHOOK_URL", "http://127.0.0.1:9/push?key=k"),
                "--verbose");

        List<String> start = untilReady();
        assertTrue(start.stream().anyMatch(line -> line.contains("Starting HiveMQ Community Edition Server")),
                String.join("\n", start));
        assertTrue(start.stream().anyMatch(line -> line.contains("ServiceConnection - service svc-presence")),
                String.join("\n", start));
        assertTrue(start.stream().noneMatch(line -> line.contains("ALLOW ALL")), String.join("\n", start));
        assertTrue(start.contains("mqchat: notifications: webhook to 127.0.0.1:9, unsigned"), String.join("\n", start));
        assertFalse(String.join("\n", start).contains("key=k"), "a webhook's query stays off the console");
    }

    /** README's sample output of {@code ./mqchat run}, each line a pattern: any number where it shows one. */
    private static List<Pattern> readmeRunOutput() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher block = Pattern.compile("```sh\n\\./mqchat run\n```\n.*?\n```\n(mqchat.*?)```", Pattern.DOTALL)
                .matcher(readme);
        assertTrue(block.find(), "README shows the output of ./mqchat run in the block after the command");
        List<Pattern> lines = new ArrayList<>();
        for (String line : block.group(1).split("\n")) {
            // "..." ends a line README shortens.
            boolean shortened = line.endsWith(" ...");
            String shown = shortened ? line.substring(0, line.length() - 4) : line;
            String pattern = Pattern.quote(shown).replaceAll("\\d+", "\\\\E\\\\d+\\\\Q");
            lines.add(Pattern.compile(pattern + (shortened ? ".*" : "")));
        }
        return lines;
    }

    private void start(Map<String, String> env, String... options) throws IOException {
        int mqtt;
        int websocket;
        int media;
        int metrics;
        try (ServerSocket a = new ServerSocket(0); ServerSocket b = new ServerSocket(0); ServerSocket c = new ServerSocket(0);
             ServerSocket d = new ServerSocket(0)) {
            mqtt = a.getLocalPort();
            websocket = b.getLocalPort();
            media = c.getLocalPort();
            metrics = d.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("mqchat").toString(), "run"));
        command.addAll(List.of(options));
        // From a folder of its own, with the default data folder: the paths print as README shows them (./data).
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("MQCHAT_"));
        builder.environment().putAll(Map.of("MQCHAT_MQTT_PORT", Integer.toString(mqtt),
                "MQCHAT_WEBSOCKET_PORT", Integer.toString(websocket), "MQCHAT_MEDIA_PORT", Integer.toString(media),
                "MQCHAT_METRICS_PORT", Integer.toString(metrics)));
        builder.environment().putAll(env);
        server = builder.start();
        reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    printed.add(line);
                }
            } catch (IOException ignored) {
                // the server went away
            }
        }, "server-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** The lines printed up to and with the ready line. */
    private List<String> untilReady() throws InterruptedException {
        List<String> seen = new ArrayList<>();
        while (true) {
            String line = printed.poll(GIVE_UP_SECONDS, TimeUnit.SECONDS);
            assertTrue(line != null, "the server printed no ready line: " + String.join("\n", seen));
            seen.add(line);
            if (line.startsWith("mqchat ready:")) {
                return seen;
            }
        }
    }

    /** What the server printed after the ready line, once it has ended. */
    private List<String> rest() throws InterruptedException {
        reader.join(TimeUnit.SECONDS.toMillis(GIVE_UP_SECONDS));
        List<String> rest = new ArrayList<>();
        printed.drainTo(rest);
        return rest;
    }
}
