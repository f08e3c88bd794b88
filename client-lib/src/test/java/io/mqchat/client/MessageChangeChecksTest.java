package io.mqchat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.protocol.ErrorCode;
import io.mqchat.protocol.MessageChange;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Edits, deletes and reactions the server would certainly refuse fail at once, without a connection. */
class MessageChangeChecksTest {

    private static final Instant AT = Instant.ofEpochMilli(1_700_000_000_000L);

    private final MqchatClient bob = MqchatClient.builder().user("bob").device("phone").token("unused").build();
    private final Message fromAlice = new Message("m1", "alice", "bob", "hi", AT, false, Conversation.with("alice"));
    private final Message mine = new Message("m2", "bob", "alice", "hello", AT, true, Conversation.with("alice"));

    @AfterEach
    void close() {
        bob.close();
    }

    @Test
    void anEditToAnEmptyTextOrOfSomeoneElsesMessageIsRefused() {
        assertRefused(ErrorCode.INVALID_ENVELOPE, bob.edit(mine, ""));
        assertRefused(ErrorCode.INVALID_ENVELOPE,
                bob.edit(new SentMessage("m3", "alice", "hello", AT, Conversation.with("alice")), ""));
        assertRefused(ErrorCode.NOT_ALLOWED, bob.edit(fromAlice, "mine now"));
        assertRefused(ErrorCode.INVALID_ENVELOPE,
                bob.edit(new SentMessage("m4", "alice", null, AT, Conversation.with("alice")), "no timer"));
    }

    @Test
    void aPeersMessageCannotBeDeletedForEveryoneInA1to1Conversation() {
        assertRefused(ErrorCode.NOT_ALLOWED, bob.deleteForEveryone(fromAlice));
    }

    @Test
    void aReactionIsOneEmojiNotEmptyAndNotAText() {
        assertRefused(ErrorCode.INVALID_ENVELOPE, bob.react(fromAlice, ""));
        assertRefused(ErrorCode.INVALID_ENVELOPE, bob.react(fromAlice, "x".repeat(MessageChange.MAX_EMOJI + 1)));
    }

    @Test
    void aDeletedMessageCannotBeChangedAtAll() {
        Message tombstone = new Message("m5", "alice", "bob", null, AT, false, Conversation.with("alice"), null, null,
                Message.Origin.HISTORY, null, List.of(), null, false, null, true, Map.of());

        assertRefused(ErrorCode.NOT_ALLOWED, bob.react(tombstone, "👍"));
        assertRefused(ErrorCode.NOT_ALLOWED, bob.removeReaction(tombstone));
    }

    private static void assertRefused(ErrorCode expected, CompletableFuture<Void> change) {
        assertTrue(change.isDone(), "refused at once");
        ExecutionException failure = assertThrows(ExecutionException.class, change::get);
        SendRejectedException refused = assertInstanceOf(SendRejectedException.class, failure.getCause());
        assertEquals(Optional.of(expected), refused.code());
    }
}
