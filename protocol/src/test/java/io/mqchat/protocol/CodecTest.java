package io.mqchat.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodecTest {

    private final Codec codec = new Codec();

    private static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private ErrorCode refusal(String payload) {
        return assertThrows(ProtocolException.class, () -> codec.decodeOutgoing(json(payload))).code();
    }

    @Test
    void stampedMessageRoundTripsWithVersionAndTypeFirst() throws Exception {
        ChatMessage sent = ChatMessage.text("m1", "hi \"bob\" ✓").stamped("m1", "alice", "bob", 42L);
        byte[] wire = codec.encode(sent);
        assertTrue(new String(wire, StandardCharsets.UTF_8).startsWith("{\"v\":1,\"type\":\"text\""));
        assertEquals(sent, codec.decode(wire));
    }

    @Test
    void outgoingMessageIgnoresClientSuppliedSenderAndTime() throws Exception {
        ChatMessage m = codec.decodeOutgoing(json("{\"v\":1,\"type\":\"text\",\"body\":\"x\",\"from\":\"bob\",\"ts\":1}"));
        assertNull(m.from());
        assertNull(m.ts());
        assertNull(m.id());
        assertEquals("x", m.body());
    }

    @Test
    void malformedPayloadsAreRefusedWithTheirOwnCode() {
        assertEquals(ErrorCode.INVALID_JSON, refusal("not json"));
        assertEquals(ErrorCode.INVALID_JSON, refusal("[1,2]"));
        assertEquals(ErrorCode.INVALID_JSON, refusal("{\"v\":1,\"v\":1}"));
        assertEquals(ErrorCode.INVALID_ENVELOPE, refusal("{\"type\":\"text\",\"body\":\"x\"}"));
        assertEquals(ErrorCode.UNSUPPORTED_VERSION, refusal("{\"v\":2,\"type\":\"text\",\"body\":\"x\"}"));
        assertEquals(ErrorCode.UNKNOWN_TYPE, refusal("{\"v\":1,\"type\":\"video\",\"body\":\"x\"}"));
        assertEquals(ErrorCode.INVALID_ENVELOPE, refusal("{\"v\":1,\"type\":\"text\"}"));
        assertEquals(ErrorCode.INVALID_ENVELOPE, refusal("{\"v\":1,\"type\":\"text\",\"body\":7}"));
        assertEquals(ErrorCode.INVALID_ENVELOPE, refusal("{\"v\":1,\"type\":\"text\",\"body\":\"x\",\"id\":\"a b\"}"));
    }

    @Test
    void aMessageMentionsDistinctValidUsersAndKeepsThemWhenStampedForItsGroup() throws Exception {
        ChatMessage m = codec.decodeOutgoing(json(
                "{\"v\":1,\"type\":\"text\",\"body\":\"@bob @carol look\",\"mentions\":[\"bob\",\"carol\",\"bob\"]}"));
        assertEquals(List.of("bob", "carol"), m.mentions());
        ChatMessage routed = m.stampedForGroup("g1", "alice", "trip", 42L);
        assertTrue(routed.mentions("carol"));
        assertEquals(routed, codec.decode(codec.encode(routed)));
        assertNull(codec.decodeOutgoing(json("{\"v\":1,\"type\":\"text\",\"body\":\"x\"}")).mentions());

        assertEquals(ErrorCode.INVALID_ENVELOPE, refusal("{\"v\":1,\"type\":\"text\",\"body\":\"x\",\"mentions\":[]}"));
        assertEquals(ErrorCode.INVALID_ENVELOPE, refusal("{\"v\":1,\"type\":\"text\",\"body\":\"x\",\"mentions\":\"bob\"}"));
        assertEquals(ErrorCode.INVALID_ENVELOPE, refusal("{\"v\":1,\"type\":\"text\",\"body\":\"x\",\"mentions\":[\"a/b\"]}"));
        String tooMany = String.join(",", java.util.Collections.nCopies(ChatMessage.MAX_MENTIONS + 1, "\"bob\""));
        assertEquals(ErrorCode.INVALID_ENVELOPE, refusal("{\"v\":1,\"type\":\"text\",\"body\":\"x\",\"mentions\":["
                + tooMany + "]}"));
    }

    @Test
    void aReplyQuotesAMessageByIdAndSenderWithAShortExcerptAndCannotClaimItsOriginalIsGone() throws Exception {
        ChatMessage m = codec.decodeOutgoing(json("{\"v\":1,\"type\":\"text\",\"body\":\"yes\",\"reply\":"
                + "{\"id\":\"m1\",\"from\":\"bob\",\"excerpt\":\"dinner?\",\"gone\":true}}"));
        assertEquals(Reply.to("m1", "bob", "dinner?"), m.reply());
        ChatMessage routed = m.stamped("r1", "alice", "bob", 42L);
        assertEquals(routed, codec.decode(codec.encode(routed)));
        ChatMessage fromHistory = routed.replying(routed.reply().withOriginalGone());
        assertTrue(new String(codec.encode(fromHistory), StandardCharsets.UTF_8).contains("\"gone\":true"));
        assertEquals(fromHistory, codec.decode(codec.encode(fromHistory)));

        assertEquals(ErrorCode.INVALID_ENVELOPE, refusal("{\"v\":1,\"type\":\"text\",\"body\":\"x\",\"reply\":\"m1\"}"));
        assertEquals(ErrorCode.INVALID_ENVELOPE, refusal("{\"v\":1,\"type\":\"text\",\"body\":\"x\",\"reply\":{\"id\":\"m1\"}}"));
        assertEquals(ErrorCode.INVALID_ENVELOPE, refusal("{\"v\":1,\"type\":\"text\",\"body\":\"x\",\"reply\":"
                + "{\"id\":\"m1\",\"from\":\"bob\",\"excerpt\":\"" + "x".repeat(Reply.MAX_EXCERPT + 1) + "\"}}"));
    }

    @Test
    void aForwardedMessageSaysSoAndOnlyWithABoolean() throws Exception {
        ChatMessage m = codec.decodeOutgoing(json("{\"v\":1,\"type\":\"text\",\"body\":\"fyi\",\"forwarded\":true}"));
        assertEquals(Boolean.TRUE, m.forwarded());
        ChatMessage routed = m.stamped("f1", "bob", "carol", 42L);
        assertEquals(routed, codec.decode(codec.encode(routed)));
        assertNull(codec.decodeOutgoing(json("{\"v\":1,\"type\":\"text\",\"body\":\"x\",\"forwarded\":false}")).forwarded());
        assertEquals(ErrorCode.INVALID_ENVELOPE, refusal("{\"v\":1,\"type\":\"text\",\"body\":\"x\",\"forwarded\":\"yes\"}"));
    }

    @Test
    void editsDeletesAndReactionsDecodeFromTheSendTopicAndRoundTripStamped() throws Exception {
        MessageChange edit = (MessageChange) codec.decodeSent(json(
                "{\"v\":1,\"type\":\"edit\",\"id\":\"e1\",\"target\":{\"id\":\"m1\"},\"body\":\"fixed\"}"));
        MessageChange stamped = edit.stamped("e1", "alice", "bob", 42L);
        assertEquals(new MessageRef("m1", "alice"), stamped.target(), "an edit names the sender's own message");
        assertEquals(stamped, codec.decode(codec.encode(stamped)));

        MessageChange reaction = (MessageChange) codec.decodeSent(json("{\"v\":1,\"type\":\"reaction\",\"id\":\"r1\","
                + "\"target\":{\"id\":\"m1\",\"from\":\"bob\"},\"emoji\":\"👍🏽\"}"));
        assertEquals("👍🏽", reaction.emoji());
        MessageChange removal = (MessageChange) codec.decodeSent(json("{\"v\":1,\"type\":\"reaction\",\"id\":\"r2\","
                + "\"target\":{\"id\":\"m1\",\"from\":\"bob\"},\"emoji\":\"\"}"));
        assertTrue(removal.removesReaction());
        MessageChange delete = (MessageChange) codec.decodeSent(json(
                "{\"v\":1,\"type\":\"delete\",\"target\":{\"id\":\"m1\",\"from\":\"bob\"}}"));
        assertEquals(new MessageRef("m1", "bob"), delete.stampedForGroup("d1", "alice", "trip", 42L).target(),
                "a delete may name another's message: the group-worker lets only admins do it");
        assertEquals("hi", ((ChatMessage) codec.decodeSent(json("{\"v\":1,\"type\":\"text\",\"body\":\"hi\"}"))).body());
    }

    @Test
    void aSettingsRequestAsksOrChangesAndAReadMarkerMayBeKeptPrivate() throws Exception {
        assertNull(codec.decodeHistoryRequest(json("{\"v\":1,\"op\":\"settings\"}")).settings(), "only asks");
        HistoryRequest off = codec.decodeHistoryRequest(
                json("{\"v\":1,\"op\":\"settings\",\"settings\":{\"readReceipts\":false}}"));
        assertEquals(SettingsChange.readReceipts(false), off.settings());
        assertEquals(off.settings(), ((HistoryRequest) codec.decode(codec.encode(off.stamped("bob", "phone", 1L))))
                .settings(), "the archive gets it as the device asked");
        assertEquals(ErrorCode.INVALID_ENVELOPE, assertThrows(ProtocolException.class, () -> codec.decodeHistoryRequest(
                json("{\"v\":1,\"op\":\"settings\",\"settings\":{\"readReceipts\":\"no\"}}"))).code());
        assertEquals(new ReadMarker("m1", false), codec.decodeMarker(codec.encodeReadMarker("m1", false)));
        assertEquals(new ReadMarker("m1", true), codec.decodeMarker(json("{\"v\":1,\"upTo\":\"m1\"}")));
        assertEquals(Boolean.FALSE, ((Receipt) codec.decode(codec.encode(Receipt.read("m1", "bob", "alice", 1L)
                .unshared()))).shared());
    }

    @Test
    void aSettingsRequestBlocksOrUnblocksOneUserAndTheAnswerListsWhomIBlocked() throws Exception {
        assertEquals(SettingsChange.block("mallory"), codec.decodeHistoryRequest(
                json("{\"v\":1,\"op\":\"settings\",\"settings\":{\"block\":\"mallory\"}}")).settings());
        assertEquals(SettingsChange.unblock("mallory"), codec.decodeHistoryRequest(
                json("{\"v\":1,\"op\":\"settings\",\"settings\":{\"unblock\":\"mallory\"}}")).settings());
        for (String bad : List.of("{\"block\":\"a/b\"}", "{\"block\":7}", "{\"unblock\":\"\"}",
                "{\"block\":\"m\",\"unblock\":\"m\"}")) {
            assertEquals(ErrorCode.INVALID_ENVELOPE, assertThrows(ProtocolException.class,
                    () -> codec.decodeHistoryRequest(json("{\"v\":1,\"op\":\"settings\",\"settings\":" + bad + "}")),
                    bad).code(), bad);
        }
        HistoryResponse answer = (HistoryResponse) codec.decode(codec.encode(HistoryResponse.settings("h1",
                new UserSettings(true, List.of("mallory", "trudy")), 5L)));
        assertEquals(List.of("mallory", "trudy"), answer.settings().blocked());
        assertTrue(answer.settings().blocks("trudy"));
        assertFalse(new UserSettings(false).blocks("trudy"), "nobody blocked before a block");
        BlockList list = (BlockList) codec.decode(codec.encode(new BlockList("alice", List.of("mallory"))));
        assertEquals(List.of("mallory"), list.blocked());
    }

    @Test
    void aChangesSenderTimeAndConversationAreTheServersNotThePayloads() throws Exception {
        MessageChange forged = (MessageChange) codec.decodeSent(json("{\"v\":1,\"type\":\"edit\",\"id\":\"e1\","
                + "\"from\":\"mallory\",\"to\":\"carol\",\"group\":\"g\",\"ts\":0,\"target\":{\"id\":\"m1\"},"
                + "\"body\":\"x\"}"));
        assertNull(forged.from());
        assertNull(forged.to());
        assertNull(forged.group());
        assertNull(forged.ts(), "the windows count from the server's time");
        assertTrue(MessageChange.isReaction("👍🏽") && MessageChange.isReaction("❤️") && MessageChange.isReaction("👨‍👩‍👧"));
    }

    @Test
    void aChangeWithoutATargetOrWithAnEmptyEditOrAnOverlongReactionIsRefused() {
        for (String payload : List.of(
                "{\"v\":1,\"type\":\"edit\",\"body\":\"no target\"}",
                "{\"v\":1,\"type\":\"edit\",\"target\":{\"id\":\"m1\"},\"body\":\"\"}",
                "{\"v\":1,\"type\":\"reaction\",\"target\":{\"id\":\"m1\"},\"emoji\":\"👍\"}",
                "{\"v\":1,\"type\":\"reaction\",\"target\":{\"id\":\"m1\",\"from\":\"b#b\"},\"emoji\":\"👍\"}",
                "{\"v\":1,\"type\":\"reaction\",\"target\":{\"id\":\"m1\",\"from\":\"bob\"},\"emoji\":\""
                        + "x".repeat(MessageChange.MAX_EMOJI + 1) + "\"}",
                "{\"v\":1,\"type\":\"reaction\",\"target\":{\"id\":\"m1\",\"from\":\"bob\"},\"emoji\":\"you fool\"}",
                "{\"v\":1,\"type\":\"delete\",\"target\":{\"id\":\"not an id\"}}")) {
            assertEquals(ErrorCode.INVALID_ENVELOPE,
                    assertThrows(ProtocolException.class, () -> codec.decodeSent(json(payload))).code(), payload);
        }
    }

    @Test
    void historyShowsEditsTombstonesAndReactionsOnTheMessage() throws Exception {
        ChatMessage kept = new ChatMessage(ChatMessage.TEXT, "m1", "alice", "bob", null, 42L, "fixed", null, null, null,
                null, null, null, 50L, null, java.util.Map.of("bob", "👍"));
        String wire = new String(codec.encode(kept), StandardCharsets.UTF_8);
        assertTrue(wire.contains("\"edited\":50") && wire.contains("\"reactions\":{\"bob\":"), wire);
        assertEquals(kept, codec.decode(wire.getBytes(StandardCharsets.UTF_8)));
        ChatMessage tombstone = new ChatMessage(ChatMessage.TEXT, "m2", "alice", "bob", null, 42L, null, null, null,
                null, null, null, null, null, true, null);
        assertTrue(((ChatMessage) codec.decode(codec.encode(tombstone))).wasDeleted());
    }

    @Test
    void receiptsErrorsAndNoticesDecodeToTheirRecords() throws Exception {
        Receipt delivered = Receipt.delivered("m1", "bob", "phone", 5);
        Receipt read = Receipt.read("m9", "bob", "bob", 6);
        ErrorReply error = ErrorReply.of(new ProtocolException(ErrorCode.TOO_LARGE, "big"), "m2", "send/u/bob", 7);
        Notice notice = new Notice(Notice.QUEUE_OVERFLOW, "phone", "sync", 8);
        assertEquals(delivered, codec.decode(codec.encode(delivered)));
        assertEquals(read, codec.decode(codec.encode(read)));
        assertEquals(error, codec.decode(codec.encode(error)));
        assertEquals(notice, codec.decode(codec.encode(notice)));
    }

    @Test
    void receiptsCarryExactlyTheDocumentedFields() {
        assertEquals("{\"v\":1,\"type\":\"delivered\",\"id\":\"m1\",\"by\":\"bob\",\"peer\":\"bob\",\"device\":\"phone\",\"ts\":5}",
                new String(codec.encode(Receipt.delivered("m1", "bob", "phone", 5)), StandardCharsets.UTF_8));
        assertEquals("{\"v\":1,\"type\":\"read\",\"upTo\":\"m9\",\"by\":\"bob\",\"peer\":\"alice\",\"ts\":6}",
                new String(codec.encode(Receipt.read("m9", "bob", "alice", 6)), StandardCharsets.UTF_8));
    }

    @Test
    void readMarkerNeedsAMessageId() throws Exception {
        assertEquals("m7", codec.decodeReadMarker(json("{\"v\":1,\"upTo\":\"m7\"}")));
        assertEquals("m-8.x_Y", codec.decodeReadMarker(codec.encodeReadMarker("m-8.x_Y")));
        assertThrows(IllegalArgumentException.class, () -> codec.encodeReadMarker("a\"b"));
        assertThrows(ProtocolException.class, () -> codec.decodeReadMarker(json("{\"v\":1}")));
    }

    @Test
    void peekIdFindsTheIdOfAnOtherwiseRefusedMessage() {
        assertEquals("m3", codec.peekId(json("{\"v\":9,\"id\":\"m3\"}")).orElseThrow());
        assertTrue(codec.peekId(json("garbage")).isEmpty());
    }

    @Test
    void aBatchOfEncodedEnvelopesDecodesToTheSameEnvelopesInOrder() throws Exception {
        Receipt first = Receipt.delivered("m1", "bob", "phone", 5);
        Receipt second = Receipt.deliveredInGroup("m2", "carol", "team", "laptop", 6);
        byte[] wire = codec.encodeBatch(List.of(codec.encode(first), codec.encode(second)));
        assertEquals(new Batch(List.of(first, second)), codec.decode(wire));
        assertEquals(List.of(first, second), codec.decodeAll(wire));
        assertEquals(List.of(first), codec.decodeAll(codec.encode(first)));
        // The byte-level batch is exactly what encoding the record gives, so either writer yields one wire form.
        assertEquals(new String(codec.encode(new Batch(List.of(first, second))), StandardCharsets.UTF_8),
                new String(wire, StandardCharsets.UTF_8));
    }

    @Test
    void aBatchMustHoldEnvelopesAndNoBatches() {
        String item = "{\"v\":1,\"type\":\"delivered\",\"id\":\"m1\",\"by\":\"bob\",\"ts\":5}";
        for (String bad : List.of("{\"v\":1,\"type\":\"batch\"}",
                "{\"v\":1,\"type\":\"batch\",\"items\":[7]}",
                "{\"v\":1,\"type\":\"batch\",\"items\":[{\"v\":1,\"type\":\"batch\",\"items\":[" + item + "]}]}",
                "{\"v\":1,\"type\":\"batch\",\"items\":[{\"v\":1,\"type\":\"delivered\",\"ts\":\"soon\"}]}")) {
            assertThrows(ProtocolException.class, () -> codec.decode(json(bad)), bad);
        }
    }

    @Test
    void anItemOfATypeFromANewerServerIsLeftOutAndTheRestOfItsBatchStillCounts() throws Exception {
        String item = "{\"v\":1,\"type\":\"delivered\",\"id\":\"m1\",\"by\":\"bob\",\"ts\":5}";
        List<Envelope> items = codec.decodeAll(json("{\"v\":1,\"type\":\"batch\",\"items\":[{\"v\":1,\"type\":\"video\"},"
                + item + "]}"));
        assertEquals(List.of(new Receipt(Receipt.DELIVERED, "m1", null, "bob", null, null, null, 5)), items);
    }
}
