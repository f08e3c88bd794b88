package io.mqchat.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupAndPresenceCodecTest {

    private final Codec codec = new Codec();

    private static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private ErrorCode refusal(String payload) {
        return assertThrows(ProtocolException.class, () -> codec.decodeGroupRequest(json(payload))).code();
    }

    @Test
    void aGroupRequestKeepsOnlyTheArgumentsItsOpNeedsAndDropsDuplicateMembers() throws Exception {
        GroupRequest create = codec.decodeGroupRequest(json(
                "{\"v\":1,\"op\":\"create\",\"group\":\"ignored\",\"name\":\"Trip\",\"members\":[\"bob\",\"carol\",\"bob\"],\"by\":\"mallory\"}"));
        assertEquals(new GroupRequest("create", null, "Trip", List.of("bob", "carol"), null, null, null, null), create);
        GroupRequest leave = codec.decodeGroupRequest(json("{\"v\":1,\"op\":\"leave\",\"group\":\"g1\",\"name\":\"x\",\"ref\":\"r-1\"}"));
        assertEquals("g1", leave.group());
        assertNull(leave.name());
        assertEquals("r-1", leave.ref());
    }

    @Test
    void groupRequestsWithoutWhatTheirOpNeedsAreRefusedWithTheRightCode() {
        assertEquals(ErrorCode.UNKNOWN_TYPE, refusal("{\"v\":1,\"op\":\"explode\"}"));
        assertEquals(ErrorCode.INVALID_ENVELOPE, refusal("{\"v\":1,\"op\":\"rename\",\"group\":\"g1\"}"));
        assertEquals(ErrorCode.INVALID_ENVELOPE, refusal("{\"v\":1,\"op\":\"add\",\"group\":\"g1\",\"members\":[]}"));
        assertEquals(ErrorCode.INVALID_ENVELOPE, refusal("{\"v\":1,\"op\":\"add\",\"group\":\"g1\",\"members\":[\"#\"]}"));
        assertEquals(ErrorCode.INVALID_ENVELOPE, refusal("{\"v\":1,\"op\":\"info\",\"group\":\"a/b\"}"));
        assertEquals(ErrorCode.INVALID_ENVELOPE, refusal("{\"v\":1,\"op\":\"create\",\"name\":\"" + "x".repeat(101) + "\"}"));
        assertEquals(ErrorCode.UNSUPPORTED_VERSION, refusal("{\"v\":2,\"op\":\"mine\"}"));
    }

    @Test
    void typingAndPrivacyRequestsRoundTripAndRejectUnknownValues() throws Exception {
        assertEquals(Typing.PAUSED, codec.decodeTypingSignal(codec.encodeTypingSignal(Typing.PAUSED)));
        assertEquals(Typing.TYPING, codec.decodeTypingSignal(json("{\"v\":1}")));
        assertThrows(ProtocolException.class, () -> codec.decodeTypingSignal(json("{\"v\":1,\"state\":\"shouting\"}")));
        assertEquals(PresenceEvent.NOBODY, codec.decodePrivacyRequest(codec.encodePrivacyRequest(PresenceEvent.NOBODY)));
        assertThrows(ProtocolException.class, () -> codec.decodePrivacyRequest(json("{\"v\":1,\"privacy\":\"friends\"}")));
    }

    @Test
    void everyNewEnvelopeDecodesToWhatWasEncoded() throws Exception {
        List<Envelope> envelopes = List.of(
                ChatMessage.text("m1", "hi").stampedForGroup("m1", "alice", "g1", 5),
                Receipt.deliveredInGroup("m1", "bob", "g1", "phone", 6),
                Receipt.readInGroup("m1", "bob", "g1", 7),
                new Typing("alice", "g1", Typing.TYPING, 8),
                Presence.offline("bob", 9, 10), Presence.hidden("bob", 11),
                PresenceEvent.disconnected("bob", "phone", "r1/1", "r1", 12, 13),
                new Notify("bob", "alice", null, "m1", null, 14),
                new GroupRequest("add", "g1", null, List.of("carol"), "r", "alice", "phone", 15L),
                Response.ok("create", "r", new GroupInfo("g1", "Trip", List.of("alice"), List.of("alice", "bob"), 16L), 17),
                Response.failed("add", "r", ErrorCode.LIMIT_REACHED, "full", 18),
                new GroupEvent("e1", "g1", GroupEvent.ADDED, "alice", List.of("carol"), "Trip", 19));
        for (Envelope envelope : envelopes) {
            assertEquals(envelope, codec.decode(codec.encode(envelope)));
        }
    }
}
