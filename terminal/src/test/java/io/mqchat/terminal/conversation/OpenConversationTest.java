package io.mqchat.terminal.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.mqchat.client.Backend;
import io.mqchat.client.Conversation;
import io.mqchat.client.Message;
import io.mqchat.client.MqchatClient;
import io.mqchat.terminal.view.Console;
import io.mqchat.terminal.view.EventLines;
import io.mqchat.terminal.view.MessageLabels;
import io.mqchat.terminal.view.Times;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bob's terminal shows Alice's messages, real ones sent through the embedded broker, in the orders a session can
 * meet them: during the fetch of a history page that then holds them too, and older after newer (a catch-up). Alice
 * sees the read markers it sends.
 */
class OpenConversationTest {

    /** A bound on waiting so a broken build fails instead of hanging; never a measurement. */
    private static final long GIVE_UP_SECONDS = 30;

    @TempDir
    static Path folder;
    private static Backend backend;

    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final BlockingQueue<Message> bobsInbox = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> readUpTo = new LinkedBlockingQueue<>();
    private final List<MqchatClient> clients = new ArrayList<>();
    /** Bob's terminal's open conversation, on his client. */
    private final OpenConversation open = new OpenConversation(new Console(screen),
            new EventLines(new MessageLabels(), new Times(Clock.systemUTC(), ZoneOffset.UTC)));

    @BeforeAll
    static void startBackend() {
        backend = Backend.start(folder);
    }

    @AfterAll
    static void stopBackend() {
        backend.close();
    }

    @AfterEach
    void closeClients() {
        clients.forEach(MqchatClient::close);
    }

    @Test
    void aMessageArrivingWhileTheConversationOpensIsShownOnceAfterThePageThatHoldsItAndRead() throws Exception {
        List<Message> received = aliceSendsBob("alice1", "bob1", "one", "two");
        Message one = received.get(0);
        Message two = received.get(1);

        open.opening(Conversation.with("alice1"));
        open.arrived(two); // while the page is fetched, which the archive then answers with it
        open.opened(List.of(one, two));

        assertEquals(List.of("[alice1] one", "[alice1] two"), shown());
        assertEquals(two.id(), nextReadMarker());
    }

    @Test
    void aReadMarkerOnlyEverMovesForward() throws Exception {
        List<Message> received = aliceSendsBob("alice2", "bob2", "one", "two", "three", "four");
        Message one = received.get(0);
        Message two = received.get(1);
        Message three = received.get(2);
        Message four = received.get(3);
        open.opening(Conversation.with("alice2"));
        open.opened(List.of());

        open.arrived(two);
        open.arrived(one); // older, as a catch-up hands over what an overflowing queue dropped
        open.opening(Conversation.with("alice2"));
        open.opened(List.of(one, two)); // opened again: its page ends where the marker is
        open.arrived(three);
        open.opening(Conversation.with("alice2"));
        open.opened(List.of(one, two)); // a page older than what was marked live
        open.arrived(four);

        // Markers reach Alice in the order they were sent: one for "one" or a second for "two" would come between.
        assertEquals(List.of(two.id(), three.id(), four.id()),
                List.of(nextReadMarker(), nextReadMarker(), nextReadMarker()));
    }

    /** A phone of {@code user}: Alice's hears Bob's read markers, Bob's collects what he receives. */
    private MqchatClient connect(String user) throws Exception {
        MqchatClient client = MqchatClient.builder()
                .serverHost(backend.broker().host()).serverPort(backend.broker().port())
                .user(user).device("phone").token(backend.broker().token(user))
                .catchUp(false) // no archive here
                .onMessage(bobsInbox::add)
                .onRead(receipt -> {
                    if (!receipt.byMe()) {
                        readUpTo.add(receipt.upToMessageId());
                    }
                })
                .build();
        clients.add(client);
        client.connect().get(GIVE_UP_SECONDS, TimeUnit.SECONDS);
        return client;
    }

    /** Alice sends Bob {@code texts}; answers them as Bob received them, and sets up his {@link #open}. */
    private List<Message> aliceSendsBob(String alice, String bob, String... texts) throws Exception {
        MqchatClient sender = connect(alice);
        MqchatClient receiver = connect(bob);
        List<Message> received = new ArrayList<>();
        for (String text : texts) {
            sender.send(bob, text).get(GIVE_UP_SECONDS, TimeUnit.SECONDS);
            Message message = bobsInbox.poll(GIVE_UP_SECONDS, TimeUnit.SECONDS);
            assertNotNull(message, bob + " got nothing");
            assertEquals(text, message.text());
            received.add(message);
        }
        open.attach(receiver);
        return received;
    }

    private List<String> shown() {
        return screen.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private String nextReadMarker() throws InterruptedException {
        String upTo = readUpTo.poll(GIVE_UP_SECONDS, TimeUnit.SECONDS);
        assertNotNull(upTo, "no read marker reached alice");
        return upTo;
    }
}
