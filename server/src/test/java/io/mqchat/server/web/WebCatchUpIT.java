package io.mqchat.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The web app where the broker could not keep everything: a small offline queue, so a tab that was offline gets only
 * the newest messages live and must fetch the rest from the archive; one device per user, so a second browser is
 * refused until the first signs out. Alice is a plain MQTT device of the test; bob uses the web app.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebCatchUpIT extends BrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int QUEUE_LIMIT = 20;
    private static final int MISSED = 60;

    private PlainDevice alice;
    private ChatBrowser bob;
    private final List<String> conversation = new ArrayList<>();
    private String lastId;

    @BeforeAll
    void startServerWithASmallQueue() throws Exception {
        startServer(Map.of("MQCHAT_QUEUE_LIMIT", Integer.toString(QUEUE_LIMIT),
                "MQCHAT_LIMITS_DEVICES_PER_USER", "1"), "web-catchup-server.log");
        alice = PlainDevice.connect(server, "alice");
        bob = open("bob");
    }

    @AfterAll
    void closeAlice() {
        if (alice != null) {
            alice.close();
        }
    }

    @Test
    @Order(1)
    void aTabOfflineWhileItsQueueOverflowedShowsEveryMessageOnceAndMarksThemReadOnce() throws Exception {
        bob.signInForDevelopment();
        lastId = say("Before the gap");
        bob.awaitUnread("u:alice", 1);
        bob.open("u:alice");
        bob.awaitMessage("Before the gap");
        alice.awaitReadUpTo("bob", lastId);

        bob.goOffline();
        PlainDevice.takeOver(server, "bob", bob.deviceId());
        bob.awaitOffline();
        for (int i = 1; i <= MISSED; i++) {
            lastId = say("Missed " + i);
        }
        assertEquals("offline", bob.connectionState(), "the tab stayed offline while the messages arrived");
        int markersBefore = alice.readsBy("bob").size();
        bob.goOnline();

        bob.awaitMessage("Missed " + MISSED);
        alice.awaitReadUpTo("bob", lastId);
        int markers = alice.readsBy("bob").size() - markersBefore;
        // One marker per message drained from the queue would spend the user's rate budget, shared with their phone.
        assertTrue(markers <= 3, markers + " READ markers for one catch-up: " + alice.readsBy("bob"));
        for (String text : conversation) {
            bob.awaitMessage(text);
        }
        assertEquals(conversation, bob.messageTexts(), "every message once, in order, none missing");
    }

    @Test
    @Order(2)
    void aDeviceBeyondTheUsersLimitIsToldWhyAndGetsInOnceTheOtherSignsOut() {
        ChatBrowser bobElsewhere = open("bob", "profile-bob-elsewhere");
        bobElsewhere.askForDevelopmentSignIn();
        bobElsewhere.awaitSignInProblem("too many devices");

        bob.signOut();
        bobElsewhere.signInForDevelopment();

        // A new device scrolls back through the whole conversation, each message once.
        bobElsewhere.open("u:alice");
        bobElsewhere.awaitMessage("Missed " + MISSED);
        bobElsewhere.loadAllOlder();
        bobElsewhere.awaitMessage("Before the gap");
        assertEquals(conversation, bobElsewhere.messageTexts());
        bob = bobElsewhere;
    }

    @Test
    @Order(3)
    void markupInTextsUserNamesAndGroupNamesIsShownAsText() throws Exception {
        String markup = "<img src=x onerror=document.title=1>";
        try (PlainDevice eve = PlainDevice.connect(server, "<u>eve")) {
            eve.send("send/u/bob", markup);
            bob.open("u:<u>eve");
            bob.awaitChatTitle("<u>eve");
            bob.awaitMessage(markup);
            assertEquals(0, bob.countInMessages("img"), "no image made from a message's text");

            ObjectNode create = JSON.createObjectNode().put("op", "create").put("name", markup);
            create.putArray("members").add("bob");
            String group = eve.request("req/groups", create).path("group").path("id").asText();
            eve.send("send/g/" + group, "<b>bold</b>");
            bob.open("g:" + group);
            bob.awaitChatTitle(markup);
            bob.awaitMessage("<b>bold</b>");
            assertEquals(0, bob.countInMessages("b"), "no markup made from a message's text");
            assertEquals("mqchat", bob.documentTitle(), "no script ran");
        }
    }

    @Test
    @Order(4)
    void onAPhoneTheListAndTheChatTakeTheScreenInTurn() {
        bob.asPhone();
        bob.back();
        bob.awaitShown("sidebar", true);
        bob.awaitShown("chat-view", false);
        bob.open("u:alice");
        bob.awaitShown("sidebar", false);
        bob.awaitMessage("Missed " + MISSED);
        bob.back();
        bob.awaitShown("sidebar", true);
    }

    @Test
    @Order(5)
    void aMessageTypedOfflineSurvivesAReloadAndArrivesOnce() throws Exception {
        bob.blockBroker(true);
        PlainDevice.takeOver(server, "bob", bob.deviceId());
        bob.awaitOffline();
        bob.open("u:alice");
        bob.send("Typed offline");
        bob.awaitTick("Typed offline", "pending");

        bob.reload();
        bob.open("u:alice");
        bob.awaitMessage("Typed offline");
        bob.blockBroker(false);
        bob.awaitTick("Typed offline", "delivered");
        assertEquals(1, alice.awaitText("Typed offline"));
    }

    private String say(String text) {
        conversation.add(text);
        return alice.send("send/u/bob", text);
    }
}
