package io.mqchat.terminal;

import io.mqchat.client.AuthenticationException;
import io.mqchat.client.MqchatClient;
import io.mqchat.client.MqchatClientBuilder;
import io.mqchat.terminal.commands.Commands;
import io.mqchat.terminal.commands.Session;
import io.mqchat.terminal.conversation.OpenConversation;
import io.mqchat.terminal.presence.PresenceWatches;
import io.mqchat.terminal.view.Console;
import io.mqchat.terminal.view.EventLines;
import io.mqchat.terminal.view.MessageLabels;
import io.mqchat.terminal.view.SafeText;
import io.mqchat.terminal.view.Times;
import java.io.OutputStream;
import java.io.Reader;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A chat session in a terminal: connects one device of one user, then reads lines until {@code /quit}, the end of
 * the input or a refusal of the token on a reconnect, printing what happens meanwhile. Input and output are plain streams, so a terminal, a pipe or a test
 * drives it alike.
 *
 * <pre>{@code
 * int exit = new TerminalChat(Clock.systemUTC(), ZoneId.systemDefault(), Duration.ofSeconds(30))
 *         .run(MqchatClient.builder().serverUri("tcp://127.0.0.1:1883").user("alice").device("term").token(token),
 *              new InputStreamReader(System.in, UTF_8), System.out);
 * }</pre>
 */
public final class TerminalChat {

    /** The session ended as the user asked. */
    public static final int EXIT_OK = 0;
    /** The server could not be reached or refused the token, at the start or on a reconnect. */
    public static final int EXIT_NOT_CONNECTED = 1;

    private final Clock clock;
    private final ZoneId zone;
    private final Duration answerTimeout;

    /**
     * @param clock         for the times shown (last seen)
     * @param zone          the zone they are shown in
     * @param answerTimeout how long connecting and each command wait for the server before saying so
     */
    public TerminalChat(Clock clock, ZoneId zone, Duration answerTimeout) {
        this.clock = clock;
        this.zone = zone;
        this.answerTimeout = answerTimeout;
    }

    /**
     * Runs a session for the device {@code client} describes (server, user, device, token; its listeners are this
     * session's) and answers the exit code. Closes the client, not the streams.
     */
    public int run(MqchatClientBuilder client, Reader in, OutputStream out) {
        Console console = new Console(out);
        EventLines lines = new EventLines(new MessageLabels(), new Times(clock, zone));
        OpenConversation open = new OpenConversation(console, lines);
        LiveEvents events = new LiveEvents(console, lines, open);
        try (MqchatClient connected = events.listenOn(client.clock(clock)).build()) {
            events.attach(connected);
            if (!connect(connected, console)) {
                return EXIT_NOT_CONNECTED;
            }
            InputLines typed = new InputLines(in);
            events.onTokenRefused(typed::stop);
            try (PresenceWatches presence = new PresenceWatches(connected)) {
                Commands commands = new Commands(new Session(connected, console, lines, open, presence, answerTimeout));
                runLines(typed, commands);
                // Offline for good once the token is refused: what is still on its way will not get there.
                commands.finish(events.tokenRefused() ? Duration.ZERO : answerTimeout);
            }
            return events.tokenRefused() ? EXIT_NOT_CONNECTED : EXIT_OK;
        }
    }

    private boolean connect(MqchatClient client, Console console) {
        try {
            client.connect().get(answerTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (TimeoutException e) {
            console.line("! cannot reach the server within " + answerTimeout.toSeconds() + " s: is it running?");
            return false;
        } catch (ExecutionException e) {
            String reason = e.getCause() instanceof AuthenticationException
                    ? "the server refused the token for " + client.user() : e.getCause().getMessage();
            console.line("! cannot connect: " + SafeText.of(reason));
            return false;
        }
    }

    private static void runLines(InputLines typed, Commands commands) {
        Optional<String> line;
        do {
            line = typed.next();
        } while (line.isPresent() && commands.run(line.get()));
    }
}
