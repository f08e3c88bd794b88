package io.mqchat.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryAndDisappearingCodecTest {

    private final Codec codec = new Codec();

    private static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private ErrorCode historyRefusal(String payload) {
        return assertThrows(ProtocolException.class, () -> codec.decodeHistoryRequest(json(payload))).code();
    }

    private ErrorCode messageRefusal(String payload) {
        return assertThrows(ProtocolException.class, () -> codec.decodeOutgoing(json(payload))).code();
    }

    @Test
    void aTextMessageWithATtlDisappearsThatManySecondsAfterItsServerTime() throws Exception {
        ChatMessage sent = codec.decodeOutgoing(json("{\"v\":1,\"type\":\"text\",\"body\":\"psst\",\"ttl\":30}"));
        ChatMessage routed = sent.stamped("m1", "alice", "bob", 1_000);
        assertEquals(31_000L, routed.expiresAt());
        assertFalse(routed.expiredAt(30_999));
        assertTrue(routed.expiredAt(31_000));
        ChatMessage decoded = (ChatMessage) codec.decode(codec.encode(routed));
        assertEquals(routed, decoded);
    }

    @Test
    void aPermanentMessageNeverExpires() throws Exception {
        ChatMessage routed = codec.decodeOutgoing(json("{\"v\":1,\"type\":\"text\",\"body\":\"hi\"}"))
                .stamped("m1", "alice", "bob", 1_000);
        assertNull(routed.expiresAt());
        assertFalse(routed.expiredAt(Long.MAX_VALUE));
    }

    @Test
    void aTimerChangeCarriesTheNewTimerAndNoBody() throws Exception {
        ChatMessage on = codec.decodeOutgoing(json("{\"v\":1,\"type\":\"timer\",\"timer\":86400,\"body\":\"x\",\"ttl\":5}"));
        assertTrue(on.isTimerChange());
        assertEquals(86_400, on.timer());
        assertNull(on.body());
        assertNull(on.ttl());
        assertEquals(0, codec.decodeOutgoing(json("{\"v\":1,\"type\":\"timer\",\"timer\":0}")).timer());
    }

    @Test
    void ttlsAndTimersOutsideTheProtocolsRangeAreRefused() {
        assertEquals(ErrorCode.INVALID_ENVELOPE, messageRefusal("{\"v\":1,\"type\":\"text\",\"body\":\"x\",\"ttl\":0}"));
        assertEquals(ErrorCode.INVALID_ENVELOPE, messageRefusal("{\"v\":1,\"type\":\"text\",\"body\":\"x\",\"ttl\":\"1h\"}"));
        assertEquals(ErrorCode.INVALID_ENVELOPE, messageRefusal("{\"v\":1,\"type\":\"text\",\"body\":\"x\",\"ttl\":1.5}"));
        assertEquals(ErrorCode.INVALID_ENVELOPE, messageRefusal("{\"v\":1,\"type\":\"timer\"}"));
        assertEquals(ErrorCode.INVALID_ENVELOPE, messageRefusal("{\"v\":1,\"type\":\"timer\",\"timer\":-1}"));
        assertEquals(ErrorCode.INVALID_ENVELOPE,
                messageRefusal("{\"v\":1,\"type\":\"timer\",\"timer\":" + (ChatMessage.MAX_TTL_SECONDS + 1) + "}"));
    }

    @Test
    void cursorsRoundTripAndOrderByTimeThenSenderThenId() throws Exception {
        Cursor cursor = Cursor.of(ChatMessage.text("m-1", "x").stamped("m-1", "alice", "bob", 42));
        assertEquals("42/alice/m-1", cursor.toString());
        assertEquals(cursor, Cursor.parse("42/alice/m-1"));
        List<Cursor> cursors = new ArrayList<>(List.of(new Cursor(2, "a", "1"), new Cursor(1, "b", "2"),
                new Cursor(1, "a", "3"), new Cursor(1, "a", "2")));
        cursors.sort(null);
        assertEquals(List.of(new Cursor(1, "a", "2"), new Cursor(1, "a", "3"), new Cursor(1, "b", "2"),
                new Cursor(2, "a", "1")), cursors);
    }

    @Test
    void malformedCursorsAreRefused() {
        for (String wire : new String[] {"", "42", "42/alice", "x/alice/m1", "-1/alice/m1", "42/a+b/m1", "42/alice/m 1",
                "42/alice/m1/extra"}) {
            assertThrows(ProtocolException.class, () -> Cursor.parse(wire), wire);
        }
    }

    @Test
    void aMessagesRequestNamesOneConversationAndAtMostOneCursor() throws Exception {
        HistoryRequest page = codec.decodeHistoryRequest(json(
                "{\"v\":1,\"op\":\"messages\",\"with\":\"bob\",\"before\":\"42/bob/m1\",\"limit\":10,\"ref\":\"r1\",\"by\":\"mallory\"}"));
        assertEquals(HistoryRequest.withPeer("bob", "42/bob/m1", null, 10, "r1"), page);
        assertEquals(HistoryRequest.DEFAULT_LIMIT,
                codec.decodeHistoryRequest(json("{\"v\":1,\"op\":\"messages\",\"group\":\"g1\"}")).limitOrDefault());
        assertEquals(ErrorCode.INVALID_ENVELOPE, historyRefusal("{\"v\":1,\"op\":\"messages\"}"));
        assertEquals(ErrorCode.INVALID_ENVELOPE, historyRefusal("{\"v\":1,\"op\":\"messages\",\"with\":\"bob\",\"group\":\"g1\"}"));
        assertEquals(ErrorCode.INVALID_ENVELOPE,
                historyRefusal("{\"v\":1,\"op\":\"messages\",\"with\":\"bob\",\"before\":\"1/a/b\",\"after\":\"1/a/b\"}"));
        assertEquals(ErrorCode.INVALID_ENVELOPE, historyRefusal("{\"v\":1,\"op\":\"messages\",\"with\":\"bob\",\"after\":\"soon\"}"));
        assertEquals(ErrorCode.INVALID_ENVELOPE, historyRefusal("{\"v\":1,\"op\":\"messages\",\"with\":\"bob\",\"limit\":201}"));
        assertEquals(ErrorCode.INVALID_ENVELOPE, historyRefusal("{\"v\":1,\"op\":\"messages\",\"with\":\"bob\",\"limit\":0}"));
        assertEquals(ErrorCode.INVALID_ENVELOPE, historyRefusal("{\"v\":1,\"op\":\"messages\",\"group\":\"a/b\"}"));
        assertEquals(ErrorCode.UNKNOWN_TYPE, historyRefusal("{\"v\":1,\"op\":\"everything\"}"));
    }

    @Test
    void aConversationsRequestTakesAnOptionalSince() throws Exception {
        assertEquals(HistoryRequest.conversations(1_000L, null),
                codec.decodeHistoryRequest(json("{\"v\":1,\"op\":\"conversations\",\"since\":1000}")));
        assertNull(codec.decodeHistoryRequest(json("{\"v\":1,\"op\":\"conversations\"}")).since());
        assertEquals(ErrorCode.INVALID_ENVELOPE, historyRefusal("{\"v\":1,\"op\":\"conversations\",\"since\":\"today\"}"));
        assertEquals(ErrorCode.INVALID_ENVELOPE, historyRefusal("{\"v\":1,\"op\":\"conversations\",\"since\":-5}"));
    }

    @Test
    void anUnreadRequestTakesOnlyARefAndItsAnswerTheCount() throws Exception {
        assertEquals(HistoryRequest.unread("u-1"),
                codec.decodeHistoryRequest(json("{\"v\":1,\"op\":\"unread\",\"ref\":\"u-1\","
                        + "\"with\":\"bob\",\"after\":\"1/bob/m1\"}")), "what only services may ask is dropped");
        HistoryResponse answer = HistoryResponse.unread("u-1", 3, 30);
        assertEquals(answer, codec.decode(codec.encode(answer)));
        assertEquals(3, ((HistoryResponse) codec.decode(codec.encode(answer))).unread());
    }

    @Test
    void aPageNamesTheCursorsOfItsFirstAndLastMessage() throws Exception {
        ChatMessage first = ChatMessage.text("a", "1").stamped("a", "alice", "bob", 10);
        ChatMessage last = ChatMessage.text("b", "2").stamped("b", "bob", "alice", 20);
        HistoryResponse page = HistoryResponse.page("r", "bob", null, List.of(first, last), true, 30);
        assertEquals("10/alice/a", page.prev());
        assertEquals("20/bob/b", page.next());
        HistoryResponse decoded = (HistoryResponse) codec.decode(codec.encode(page));
        assertEquals(page, decoded);
        HistoryResponse list = HistoryResponse.conversations("r2", List.of(
                new ConversationSummary("bob", null, last, 1, 0, "10/alice/a", null, 20)), 31);
        assertEquals(list, codec.decode(codec.encode(list)));
    }

    @Test
    void anImageMessageCarriesAWellFormedMediaReferenceAndAnOptionalCaption() throws Exception {
        String sha = "ab".repeat(32);
        String media = "{\"id\":\"" + sha + "\",\"contentType\":\"image/png\",\"size\":10,\"width\":4,\"height\":3,"
                + "\"sha256\":\"" + sha + "\",\"thumbnail\":\"dGh1bWI=\"}";
        ChatMessage image = codec.decodeOutgoing(json("{\"v\":1,\"type\":\"image\",\"media\":" + media + ",\"ttl\":60}"));
        assertTrue(image.isImage());
        assertEquals(new MediaRef(sha, "image/png", 10, 4, 3, sha, "dGh1bWI="), image.media());
        assertNull(image.body());
        assertEquals(60, image.ttl());
        ChatMessage routed = image.stamped("i1", "alice", "bob", 5);
        assertEquals(routed, codec.decode(codec.encode(routed)));

        assertEquals(ErrorCode.INVALID_ENVELOPE, messageRefusal("{\"v\":1,\"type\":\"image\"}"));
        assertEquals(ErrorCode.INVALID_ENVELOPE,
                messageRefusal("{\"v\":1,\"type\":\"image\",\"media\":" + media.replace("image/png", "text/html") + "}"));
        assertEquals(ErrorCode.INVALID_ENVELOPE,
                messageRefusal("{\"v\":1,\"type\":\"image\",\"media\":" + media.replace("\"id\":\"" + sha, "\"id\":\"../x") + "}"));
        assertEquals(ErrorCode.INVALID_ENVELOPE,
                messageRefusal("{\"v\":1,\"type\":\"image\",\"media\":" + media.replace("dGh1bWI=", "not base64!") + "}"));
        assertEquals(ErrorCode.INVALID_ENVELOPE,
                messageRefusal("{\"v\":1,\"type\":\"image\",\"media\":" + media.replace("\"width\":4", "\"width\":0") + "}"));
    }
}
