package io.mqchat.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.client.Backend;
import io.mqchat.client.MqchatClient;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Users chat through their terminals, typing lines and commands and reading what the terminal prints, against the
 * embedded broker with the presence, group and archive workers. Each test has users of its own: the archive keeps
 * every conversation for the class.
 */
class TerminalChatTest {

    @TempDir
    static Path folder;
    private static Backend backend;

    @BeforeAll
    static void startBackend() {
        backend = Backend.start(folder).withPresence().withGroups().withArchive().withMedia();
    }

    @AfterAll
    static void stopBackend() {
        backend.close();
    }

    @Test
    void aLineReachesThePeerAndTheSenderSeesSentDeliveredAndRead() {
        try (ChatTerminal alice = ChatTerminal.open(backend, "alice1");
             ChatTerminal bob = ChatTerminal.open(backend, "bob1")) {
            bob.type("/open alice1");
            bob.screen.shows("-- alice1 --");
            alice.type("/open bob1");
            alice.screen.shows("-- bob1 --");

            alice.type("hello bob");

            bob.screen.shows("[alice1] hello bob");
            alice.screen.shows("✓ sent m1 (bob1)");
            alice.screen.shows("✓✓ delivered m1 (bob1)");
            // Bob has the conversation open: what it shows is read.
            alice.screen.shows("read up to m1 (bob1)");
        }
    }

    @Test
    void aReactionAnEditAndADeleteShowOnBothTerminalsAndHistoryShowsTheResult() {
        try (ChatTerminal alice = ChatTerminal.open(backend, "alice12");
             ChatTerminal bob = ChatTerminal.open(backend, "bob12")) {
            bob.type("/open alice12");
            bob.screen.shows("-- alice12 --");
            alice.type("/open bob12");
            alice.screen.shows("-- bob12 --");
            alice.type("see you at 5");
            alice.screen.shows("✓ sent m1 (bob12)");
            bob.screen.shows("[alice12] see you at 5");

            bob.type("/react 👍");
            alice.screen.shows("* bob12 reacted 👍 to m1");
            bob.screen.shows("* me reacted 👍 to m1");
            alice.type("/edit see you at 6");
            bob.screen.shows("* alice12 edited m1: see you at 6");
            alice.screen.shows("* me edited m1: see you at 6");

            try (ChatTerminal later = ChatTerminal.open(backend, "bob12", "laptop")) {
                later.type("/open alice12");
                later.screen.shows("[alice12] see you at 6 (edited) 👍");
            }
            alice.type("/delete");
            bob.screen.shows("* alice12 deleted m1");
            alice.screen.shows("* me deleted m1");
            alice.type("/edit too late");
            alice.screen.shows("! no message of mine here to edit");
            bob.type("/react 😮");
            bob.screen.shows("! no message of the others here to react to");
        }
    }

    @Test
    void aBlockedUserReachesNoTerminalOfTheBlockerUntilItIsUnblocked() {
        try (ChatTerminal alice = ChatTerminal.open(backend, "alice13");
             ChatTerminal mallory = ChatTerminal.open(backend, "mallory13")) {
            alice.type("/block mallory13");
            alice.screen.shows("* you block mallory13");
            mallory.type("/open alice13");
            mallory.screen.shows("-- alice13 --");
            mallory.type("let me in");
            mallory.screen.shows("✓ sent m1 (alice13)");
            alice.type("/open mallory13");
            alice.screen.shows("-- mallory13 --");
            alice.type("go away");
            alice.screen.showsLineStartingWith("! not sent: refused: blocked: ");

            alice.type("/unblock mallory13");
            alice.screen.shows("* you block nobody");
            mallory.type("sorry");
            alice.screen.shows("[mallory13] sorry");
            assertFalse(alice.screen.showsWithin("[mallory13] let me in", 0), "sent while blocked: never shown");
        }
    }

    @Test
    void listShowsTheConversationWithItsUnreadCountUntilItIsOpened() {
        try (ChatTerminal alice = ChatTerminal.open(backend, "alice2");
             ChatTerminal bob = ChatTerminal.open(backend, "bob2")) {
            alice.type("/open bob2");
            alice.type("first");
            alice.type("second");
            bob.screen.shows("[alice2] second");

            // The archive records messages beside their delivery: ask until it has both.
            listUntilShown(bob, "alice2  unread=2  timer=off  last=[alice2] second");

            // The archive may answer the list before the page: open until the page has "second" and marks it read.
            typeUntilShown(bob, "/open alice2", alice, "read up to m2 (bob2)");
            listUntilShown(bob, "alice2  unread=0  timer=off  last=[alice2] second");
        }
    }

    @Test
    void aDisappearingTimerReachesThePeerAndTheList() {
        try (ChatTerminal alice = ChatTerminal.open(backend, "alice9");
             ChatTerminal bob = ChatTerminal.open(backend, "bob9")) {
            alice.type("/open bob9");
            alice.type("/timer 24h");

            alice.screen.shows("✓ sent m1 (bob9)");
            bob.screen.shows("[alice9] set disappearing messages to 24h");
            listUntilShown(alice, "bob9  unread=0  timer=24h  last=[me → bob9] set disappearing messages to 24h");

            alice.type("/timer 5h");
            alice.screen.showsLineStartingWith("! error invalid_envelope: ");
            alice.type("/timer soon");
            alice.screen.shows("! usage: /timer <24h|7d|90d|off>");
        }
    }

    @Test
    void typingAndPresenceAppearLive() {
        try (ChatTerminal bob = ChatTerminal.open(backend, "bob3")) {
            ChatTerminal alice = ChatTerminal.open(backend, "alice3");
            bob.type("/who alice3");
            bob.screen.shows("alice3 is online");

            alice.type("/open bob3");
            alice.type("/typing");
            bob.screen.shows("alice3 is typing…");
            alice.type("/typing stop");
            bob.screen.shows("alice3 stopped typing");

            assertEquals(TerminalChat.EXIT_OK, alice.quit());
            bob.screen.showsLineStartingWith("alice3 last seen ");
        }
    }

    @Test
    void aGroupIsCreatedAndItsMembersChatInIt() {
        try (ChatTerminal alice = ChatTerminal.open(backend, "alice4");
             ChatTerminal bob = ChatTerminal.open(backend, "bob4");
             ChatTerminal carol = ChatTerminal.open(backend, "carol4")) {
            alice.type("/group create \"Trip 2026\" bob4 carol4");
            String created = alice.screen.showsLineStartingWith("✓ g:");
            String group = created.substring("✓ ".length(), created.indexOf(' ', "✓ ".length()));
            assertTrue(created.endsWith("\"Trip 2026\": alice4, bob4, carol4"), created);
            bob.screen.shows(group + " \"Trip 2026\": alice4 created it with alice4, bob4, carol4");

            alice.type("/open \"g:Trip 2026\"");
            alice.screen.shows("-- " + group + " --");
            alice.type("hi all");

            bob.screen.shows("[" + group + " alice4] hi all");
            carol.screen.shows("[" + group + " alice4] hi all");
            alice.screen.shows("✓ sent m1 (" + group + ")");
            alice.screen.shows("✓✓ delivered m1 (bob4 in " + group + ")");
            alice.screen.shows("✓✓ delivered m1 (carol4 in " + group + ")");

            bob.type("/open " + group);
            alice.screen.shows("read up to m1 (bob4 in " + group + ")");
        }
    }

    @Test
    void aTerminalThatWasOfflineCatchesUpWhenItIsBack() {
        try (ChatTerminal alice = ChatTerminal.open(backend, "alice5");
             ChatTerminal bob = ChatTerminal.open(backend, "bob5")) {
            bob.type("/offline");
            bob.screen.shows("* offline");

            alice.type("/open bob5");
            alice.type("are you there?");
            alice.type("call me");
            alice.screen.shows("✓ sent m2 (bob5)");
            assertFalse(bob.screen.lines().contains("[alice5] are you there?"), "bob is offline");

            bob.type("/online");
            bob.screen.shows("* connection back, catching up");
            bob.screen.shows("[alice5] are you there?");
            bob.screen.shows("[alice5] call me");
            alice.screen.shows("✓✓ delivered m2 (bob5)");
        }
    }

    @Test
    void messagesSentWhileTheTerminalWasClosedArriveWhenItIsStartedAgain() {
        try (ChatTerminal alice = ChatTerminal.open(backend, "alice6")) {
            ChatTerminal bob = ChatTerminal.open(backend, "bob6");
            assertEquals(TerminalChat.EXIT_OK, bob.quit());

            alice.type("/open bob6");
            alice.type("see you tomorrow");
            alice.screen.shows("✓ sent m1 (bob6)");

            try (ChatTerminal bobAgain = ChatTerminal.open(backend, "bob6")) {
                bobAgain.screen.shows("[alice6] see you tomorrow");
            }
        }
    }

    @Test
    void inputThatEndsRightAfterATextStillSendsIt() {
        try (ChatTerminal bob = ChatTerminal.open(backend, "bob8")) {
            ChatTerminal alice = ChatTerminal.open(backend, "alice8");
            alice.type("/open bob8");
            alice.type("sent from a script");

            assertEquals(TerminalChat.EXIT_OK, alice.endOfInput());
            assertTrue(alice.screen.lines().contains("✓ sent m1 (bob8)"), "sent before the session ended");
            bob.screen.shows("[alice8] sent from a script");
        }
    }

    @Test
    void badInputIsAnsweredWithALineAndTheSessionGoesOn() {
        try (ChatTerminal alice = ChatTerminal.open(backend, "alice7");
             ChatTerminal bob = ChatTerminal.open(backend, "bob7")) {
            alice.type("hello?");
            alice.screen.shows("! no conversation is open: /open <user> first");
            alice.type("/");
            alice.screen.shows("! a command follows the slash: /help lists them");
            alice.type("/frobnicate");
            alice.screen.shows("! unknown command /frobnicate: /help lists them");
            alice.type("/open no/such+user");
            alice.screen.shows("! 'no/such+user' is not a valid user id");
            alice.type("/open");
            alice.screen.shows("! usage: /open <user> | /open g:<group id or name>");
            alice.type("/open g:no-such-group");
            alice.screen.showsLineStartingWith("! no history: refused: not_member");
            alice.type("/image does-not-exist.png");
            alice.screen.shows("! cannot read does-not-exist.png");

            // A text that would clear bob's screen and forge a line arrives defused.
            alice.type("/open bob7");
            alice.type("look\u001b[2J\u2028✓✓ delivered m9 (mallory)");
            bob.screen.shows("[alice7] look\uFFFD[2J\uFFFD✓✓ delivered m9 (mallory)");
            alice.type("//help is a text");
            bob.screen.shows("[alice7] /help is a text");
        }
    }

    @Test
    void aTokenRefusedOnAReconnectEndsTheSessionAndSaysToStartAgainWithAFreshOne() throws Exception {
        AtomicReference<String> token = new AtomicReference<>(backend.broker().token("alice10"));
        ChatTerminal alice = ChatTerminal.open(backend, "alice10", "term", token::get);
        token.set("not-a-jwt"); // as an expired token is refused

        // The same device connecting elsewhere takes the session over: the terminal reconnects, with its bad token.
        try (MqchatClient elsewhere = MqchatClient.builder()
                .serverHost(backend.broker().host()).serverPort(backend.broker().port())
                .user("alice10").device("term").token(backend.broker().token("alice10")).build()) {
            elsewhere.connect().get(Screen.PATIENCE_SECONDS, TimeUnit.SECONDS);

            alice.screen.showsLineStartingWith("! the server refused the token: ");
            assertTrue(alice.screen.lines().stream().anyMatch(line -> line.endsWith("; start again with a fresh token")),
                    String.join("\n", alice.screen.lines()));
            // Without typing anything: the session ends by itself rather than take lines it cannot send.
            assertEquals(TerminalChat.EXIT_NOT_CONNECTED, alice.exitCode());
        }
    }

    /** Types /list until it shows {@code line}: the archive may still be recording what was just sent. */
    private static void listUntilShown(ChatTerminal terminal, String line) {
        typeUntilShown(terminal, "/list", terminal, line);
    }

    /** Types {@code command} into {@code typing} until {@code watched} shows {@code line}. */
    private static void typeUntilShown(ChatTerminal typing, String command, ChatTerminal watched, String line) {
        for (int attempt = 0; attempt < 30; attempt++) {
            typing.type(command);
            if (watched.screen.showsWithin(line, 1)) {
                return;
            }
        }
        assertTrue(watched.screen.showsWithin(line, 1), "never shown: " + line + "\n" + watched.screen.lines()
                + "\nwhile " + command + " was typed into:\n" + String.join("\n", typing.screen.lines()));
    }
}
