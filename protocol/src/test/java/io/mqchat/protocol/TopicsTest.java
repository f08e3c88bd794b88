package io.mqchat.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void requestTopicsParseIntoActionAndPeer() {
        Topics.Request send = Topics.Request.parse(Topics.send("bob")).orElseThrow();
        assertEquals(Topics.Request.Action.SEND, send.action());
        assertEquals("bob", send.target());
        assertEquals(Topics.Request.Action.READ, Topics.Request.parse("read/u/bob").orElseThrow().action());
        assertTrue(Topics.Request.parse("u/bob/inbox").isEmpty());
    }

    @Test
    void peersWithTopicSyntaxAreInvalid() {
        assertFalse(Topics.Request.parse("send/u/bob/inbox").orElseThrow().targetIsValid());
        assertFalse(Topics.Request.parse("send/u/").orElseThrow().targetIsValid());
        assertFalse(Topics.Request.parse("send/u/b+b").orElseThrow().targetIsValid());
    }

    @Test
    void anInboxIsRecognisedByShapeAndOwner() {
        assertTrue(Topics.isInbox(Topics.inbox("bob")));
        assertTrue(!Topics.isInbox(Topics.receipts("bob")));
        assertTrue(Topics.isInboxOf(Topics.inbox("bob"), "bob"));
        assertTrue(!Topics.isInboxOf(Topics.inbox("bobby"), "bob"));
        assertTrue(!Topics.isInboxOf(Topics.inbox("bob"), "bo"));
        assertTrue(!Topics.isInboxOf("u/bob/xnbox", "bob"));
        assertTrue(!Topics.isInboxOf(Topics.receipts("bob"), "bob"));
    }

    @Test
    void theOwnerOfAUsersTreeIsReadFromAnyOfItsTopics() {
        assertEquals(Optional.of("bob"), Topics.userTreeOwner(Topics.inbox("bob")));
        assertEquals(Optional.of("bob"), Topics.userTreeOwner(Topics.receipts("bob")));
        assertEquals(Optional.empty(), Topics.userTreeOwner(Topics.send("bob")));
        assertEquals(Optional.empty(), Topics.userTreeOwner("u//inbox"));
        assertEquals(Optional.empty(), Topics.userTreeOwner("u/bob"));
        assertEquals(Optional.empty(), Topics.userTreeOwner("ux/bob/inbox"));
        assertEquals(Optional.of("bob"), Topics.presenceOwner(Topics.presence("bob")));
        assertEquals(Optional.empty(), Topics.presenceOwner("p/"));
        assertEquals(Optional.empty(), Topics.presenceOwner("p/bob/x"));
        assertEquals(Optional.empty(), Topics.presenceOwner(Topics.inbox("bob")));
    }

    @Test
    void inboxOwnerIsReadFromTheTopic() {
        assertEquals("bob", Topics.inboxOwner(Topics.inbox("bob")).orElseThrow());
        assertTrue(Topics.inboxOwner(Topics.receipts("bob")).isEmpty());
        assertTrue(Topics.inboxOwner("u/a/b/inbox").isEmpty());
    }
}
