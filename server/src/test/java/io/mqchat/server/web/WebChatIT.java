package io.mqchat.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.WebElement;

/**
 * The web app against the real packaged server: alice and bob, each in a headless Chromium of their own, sign in
 * with the development sign-in and chat as people do. One server and the two browsers serve the whole class, in
 * order: each test goes on from where the one before left the conversation.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebChatIT extends BrowserTest {

    private ChatBrowser alice;
    private ChatBrowser bob;

    @BeforeAll
    void startServerAndBrowsers() throws Exception {
        startServer(Map.of(), "web-chat-server.log");
        alice = open("alice");
        bob = open("bob");
    }

    @Test
    @Order(1)
    void theServerAnnouncesTheWebAppWithItsDevelopmentSignIn() {
        assertTrue(server.webAppLine().matches("mqchat: web app: http://127\\.0\\.0\\.1:\\d+/ "
                + "\\(development sign-in: any user name\\)"), server.webAppLine());
        assertTrue(alice.isDevelopmentSignInShown(), "development sign-in is offered on the development secret");
    }

    @Test
    @Order(2)
    void oneToOneMessagesGoBothWaysAndTheirTicksTurnRead() {
        alice.signInForDevelopment();
        bob.signInForDevelopment();

        alice.startChatWith("bob");
        alice.send("Hi Bob!");
        alice.awaitTick("Hi Bob!", "delivered");
        bob.awaitUnread("u:alice", 1);

        bob.open("u:alice");
        bob.awaitMessage("Hi Bob!");
        alice.awaitTick("Hi Bob!", "read");

        bob.send("Hi Alice, how are you?");
        alice.awaitMessage("Hi Alice, how are you?");
        bob.awaitTick("Hi Alice, how are you?", "read");
    }

    @Test
    @Order(3)
    void eachSeesTheOtherOnlineAndTyping() {
        alice.awaitStatus("online"::equals, "online");
        bob.awaitStatus("online"::equals, "online");
        bob.type("I am wri");
        alice.awaitStatus("typing…"::equals, "typing…");
        bob.clearComposer();
    }

    @Test
    @Order(4)
    void anImageArrivesAsAThumbnailAndOpensInFull() throws Exception {
        Path photo = work.resolve("photo.png");
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D paint = image.createGraphics();
        paint.setColor(new Color(0x1f8f6f));
        paint.fillRect(0, 0, 640, 480);
        paint.setColor(Color.WHITE);
        paint.fillOval(160, 80, 320, 320);
        paint.dispose();
        ImageIO.write(image, "png", photo.toFile());

        alice.attachImage(photo);
        WebElement thumbnail = bob.awaitThumbnailFrom("alice");
        assertTrue(thumbnail.getAttribute("src").startsWith("data:image/jpeg;base64,"), thumbnail.getAttribute("src"));
        assertEquals(640, bob.openFullImage(thumbnail), "the full image, not the thumbnail");
        assertTrue(bob.fullImageSource().startsWith("blob:"), bob.fullImageSource());
        bob.closeDialog("image-dialog");
        alice.awaitThumbnailFrom("alice");
    }

    @Test
    @Order(5)
    void aGroupIsCreatedChangedAndShowsEachMembersState() {
        alice.createGroup("Trip", "bob");
        bob.open("g:" + alice.openGroupId());
        bob.awaitSystemLine("alice created the group “Trip”");
        alice.addMember("carol");
        bob.awaitSystemLine("alice added carol");
        alice.send("Who is in for the trip?");

        bob.awaitMessage("Who is in for the trip?");
        alice.awaitMemberState("Who is in for the trip?", "bob", "read");
        alice.awaitMemberState("Who is in for the trip?", "carol", "sent");
        alice.awaitTick("Who is in for the trip?", "sent");

        // Carol was a member when it was sent and never read it: removing her does not make it read by all.
        alice.removeMember("carol");
        alice.send("Carol is out");
        bob.awaitMessage("Carol is out");
        alice.awaitTick("Carol is out", "read");
        alice.awaitTick("Who is in for the trip?", "sent");
        bob.send("Me!");
        alice.awaitMessage("Me!");
    }

    @Test
    @Order(6)
    void aTabThatWasAwayCatchesUpAndTheOtherSeesItsLastSeen() {
        alice.open("u:bob");
        bob.open("u:alice");
        bob.leave();
        alice.awaitStatus(status -> status.startsWith("last seen "), "last seen …");

        alice.send("Are you there?");
        alice.send("Call me when you are back");
        bob.reopen();
        bob.awaitUnread("u:alice", 2);
        bob.open("u:alice");
        bob.awaitMessage("Are you there?");
        bob.awaitMessage("Call me when you are back");
        alice.awaitTick("Call me when you are back", "read");
        alice.awaitStatus("online"::equals, "online");
    }

    @Test
    @Order(7)
    void aDisappearingTimerSetByOneAppliesToTheNextMessagesOfBoth() {
        alice.setTimer(86400);
        bob.awaitSystemLine("alice set disappearing messages to 24 hours");
        bob.awaitTimer(86400);
        bob.send("This one goes in a day");
        alice.awaitMessage("This one goes in a day");
        alice.awaitDisappearing("This one goes in a day");
        bob.awaitDisappearing("This one goes in a day");
    }

    @Test
    @Order(8)
    void aReactionAnEditAndADeleteForEveryoneShowOnBothSides() {
        alice.react("This one goes in a day", "❤️");
        bob.awaitReaction("This one goes in a day", "❤️");
        alice.awaitReaction("This one goes in a day", "❤️");

        bob.edit("This one goes in a day", "This one goes tomorrow");
        alice.awaitEdited("This one goes tomorrow");
        bob.awaitEdited("This one goes tomorrow");
        alice.awaitReaction("This one goes tomorrow", "❤️");

        bob.deleteForEveryone("This one goes tomorrow");
        alice.awaitDeleted("This message was deleted");
        bob.awaitDeleted("You deleted this message");
        assertTrue(alice.messageTexts().stream().noneMatch(text -> text.contains("tomorrow")), "the text is gone");
    }

    @Test
    @Order(9)
    void withReadReceiptsOffTheSenderSeesDeliveredUntilTheyAreOnAgain() throws InterruptedException {
        bob.setReadReceipts(false);
        alice.send("Read this quietly");
        bob.awaitMessage("Read this quietly");
        alice.awaitTick("Read this quietly", "delivered");
        // Bob has the chat open, so his app marks it read within a second: had it shared that, alice would see it.
        Thread.sleep(3000);
        assertEquals("delivered", alice.tickOf("Read this quietly"), "bob reads privately");

        bob.setReadReceipts(true);
        alice.send("And now?");
        bob.awaitMessage("And now?");
        alice.awaitTick("And now?", "read");
    }

    @Test
    @Order(10)
    void whatABlockedUserSendsStaysSentAndNeverShowsUntilTheUnblock() throws InterruptedException {
        bob.toggleBlock();
        alice.send("Can you hear me?");
        alice.awaitTick("Can you hear me?", "sent");
        // Had it reached bob's open chat, alice's tick would turn within a moment.
        Thread.sleep(3000);
        assertEquals("sent", alice.tickOf("Can you hear me?"), "never DELIVERED to whom blocked her");

        bob.toggleBlock();
        alice.send("Back again");
        bob.awaitMessage("Back again");
        assertTrue(bob.messageTexts().stream().noneMatch(text -> text.contains("Can you hear me?")),
                "what came while blocked never shows");
    }
}
