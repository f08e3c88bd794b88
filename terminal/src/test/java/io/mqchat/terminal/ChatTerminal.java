package io.mqchat.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mqchat.client.Backend;
import io.mqchat.client.MqchatClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** One user's terminal session against a test backend, typed into and read by the test. */
final class ChatTerminal implements AutoCloseable {

    final Keyboard keyboard = new Keyboard();
    final Screen screen;
    private final CompletableFuture<Integer> exit;

    private ChatTerminal(Backend backend, String user, String device, Supplier<String> token) {
        screen = new Screen(user + ":" + device);
        TerminalChat chat = new TerminalChat(Clock.systemUTC(), ZoneOffset.UTC, Duration.ofSeconds(20));
        exit = new CompletableFuture<>();
        // A thread of its own, as a terminal has: the session blocks on its input.
        Thread session = new Thread(() -> {
            try {
                exit.complete(chat.run(MqchatClient.builder()
                        .serverHost(backend.broker().host()).serverPort(backend.broker().port())
                        .mediaUri(backend.mediaUri())
                        .user(user).device(device).token(token)
                        .reconnectDelay(Duration.ofMillis(100), Duration.ofSeconds(1)), keyboard, screen));
            } catch (Throwable failure) {
                // On the screen too: a test waiting for a line then says why it never came.
                screen.write(("session failed: " + failure + "\n").getBytes(StandardCharsets.UTF_8), 0,
                        ("session failed: " + failure + "\n").getBytes(StandardCharsets.UTF_8).length);
                exit.completeExceptionally(failure);
            }
        }, "terminal " + user + ":" + device);
        session.setDaemon(true);
        session.start();
    }

    /** A terminal of {@code user}'s device {@code term}, once it says it is connected. */
    static ChatTerminal open(Backend backend, String user) {
        return open(backend, user, "term");
    }

    static ChatTerminal open(Backend backend, String user, String device) {
        String token = backend.broker().token(user);
        return open(backend, user, device, () -> token);
    }

    /** With the tokens {@code token} supplies, asked for at each connection. */
    static ChatTerminal open(Backend backend, String user, String device, Supplier<String> token) {
        ChatTerminal terminal = new ChatTerminal(backend, user, device, token);
        terminal.screen.shows("* connected as " + user + " (device " + device + "); /help lists the commands");
        return terminal;
    }

    void type(String line) {
        keyboard.type(line);
    }

    /** Types {@code /quit} and answers the session's exit code. */
    int quit() {
        type("/quit");
        return exitCode();
    }

    /** Ends the input, as a pipe does, and answers the session's exit code. */
    int endOfInput() {
        keyboard.close();
        return exitCode();
    }

    /** The session's exit code once it ended by itself, waiting for that. */
    int exitCode() {
        try {
            return exit.get(Screen.PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the session did not end: " + screen.lines(), e);
        }
    }

    @Override
    public void close() {
        if (!exit.isDone()) {
            assertEquals(TerminalChat.EXIT_OK, quit());
        }
    }
}
