package io.mqchat.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PushRequestCodecTest {

    private static final String APNS_TOKEN = "a1b2c3d4".repeat(8);
    private static final String FCM_TOKEN = "dXk3Q1x0R0:APA91bH-Gq_6tZ" + "x".repeat(120);

    private final Codec codec = new Codec();

    private static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private ProtocolException refusal(String payload) {
        return assertThrows(ProtocolException.class, () -> codec.decodePushRequest(json(payload)));
    }

    private static String register(String platform, String token, String extra) {
        return "{\"v\":1,\"op\":\"register\",\"platform\":\"" + platform + "\",\"token\":\"" + token
                + "\",\"app\":\"com.example.chat\"" + extra + "}";
    }

    @Test
    void anApnsRegistrationDefaultsToProductionAndKeepsItsTokenInLowerCase() throws Exception {
        PushRequest request = codec.decodePushRequest(json(register("apns", APNS_TOKEN.toUpperCase(), "")));
        assertEquals(PushRequest.register(PushPlatform.APNS, APNS_TOKEN, PushRequest.PRODUCTION,
                "com.example.chat"), request);
        assertEquals(APNS_TOKEN, request.token());
        assertEquals(PushRequest.SANDBOX,
                codec.decodePushRequest(json(register("apns", APNS_TOKEN, ",\"env\":\"sandbox\""))).env());
    }

    @Test
    void aRegistrationIsForAlertsUnlessItAsksForSilentPushes() throws Exception {
        assertFalse(codec.decodePushRequest(json(register("fcm", FCM_TOKEN, ""))).isSilent());
        assertFalse(codec.decodePushRequest(json(register("fcm", FCM_TOKEN, ",\"style\":\"alert\""))).isSilent());
        PushRequest silent = codec.decodePushRequest(json(register("apns", APNS_TOKEN, ",\"style\":\"silent\"")));
        assertTrue(silent.isSilent());
        assertTrue(((PushRequest) codec.decode(codec.encode(silent.stamped("bob", "phone", 5)))).isSilent(),
                "as forwarded to the presence-worker");
        assertEquals(ErrorCode.INVALID_ENVELOPE, refusal(register("fcm", FCM_TOKEN, ",\"style\":\"loud\"")).code());
    }

    @Test
    void anFcmRegistrationKeepsItsTokenAsGivenAndHasNoEnvironment() throws Exception {
        PushRequest request = codec.decodePushRequest(json(register("fcm", FCM_TOKEN, "")));
        assertEquals("fcm", request.platform());
        assertEquals(FCM_TOKEN, request.token());
        assertNull(request.env());
    }

    @Test
    void aRemovalNeedsNothingButItsOpAndIgnoresServerStampedFields() throws Exception {
        assertEquals(PushRequest.remove(),
                codec.decodePushRequest(json("{\"v\":1,\"op\":\"remove\",\"user\":\"mallory\",\"device\":\"x\"}")));
        PushRequest forged = codec.decodePushRequest(json(register("fcm", FCM_TOKEN, ",\"user\":\"mallory\"")));
        assertNull(forged.user());
    }

    @Test
    void anUnknownOpIsAnUnknownType() {
        assertEquals(ErrorCode.UNKNOWN_TYPE, refusal("{\"v\":1,\"op\":\"subscribe\"}").code());
    }

    @Test
    void anUnknownPlatformOrAMissingTokenOrAppIsAnInvalidEnvelope() {
        assertEquals(ErrorCode.INVALID_ENVELOPE, refusal(register("webpush", FCM_TOKEN, "")).code());
        assertEquals(ErrorCode.INVALID_ENVELOPE,
                refusal("{\"v\":1,\"op\":\"register\",\"platform\":\"fcm\",\"app\":\"a\"}").code());
        assertEquals(ErrorCode.INVALID_ENVELOPE,
                refusal("{\"v\":1,\"op\":\"register\",\"platform\":\"fcm\",\"token\":\"" + FCM_TOKEN + "\"}").code());
        assertEquals(ErrorCode.INVALID_ENVELOPE, refusal(register("fcm", "", "")).code());
    }

    @Test
    void tokensOutsideTheirPlatformsLengthOrCharactersAreRefusedWithoutEchoingThem() {
        String notHex = "z".repeat(64);
        ProtocolException problem = refusal(register("apns", notHex, ""));
        assertEquals(ErrorCode.INVALID_ENVELOPE, problem.code());
        assertFalse(problem.getMessage().contains(notHex), problem.getMessage());
        assertEquals(ErrorCode.INVALID_ENVELOPE, refusal(register("apns", "ab".repeat(31), "")).code());
        assertEquals(ErrorCode.INVALID_ENVELOPE, refusal(register("apns", "ab".repeat(101), "")).code());
        assertEquals(ErrorCode.INVALID_ENVELOPE, refusal(register("fcm", "x".repeat(4097), "")).code());
        assertEquals(ErrorCode.INVALID_ENVELOPE, refusal(register("fcm", "abc/def", "")).code());
        assertEquals(ErrorCode.INVALID_ENVELOPE, refusal(register("fcm", "abc def", "")).code());
    }

    @Test
    void anEnvironmentIsOnlyForApnsAndOnlySandboxOrProduction() {
        assertEquals(ErrorCode.INVALID_ENVELOPE, refusal(register("fcm", FCM_TOKEN, ",\"env\":\"production\"")).code());
        assertEquals(ErrorCode.INVALID_ENVELOPE, refusal(register("apns", APNS_TOKEN, ",\"env\":\"staging\"")).code());
    }

    @Test
    void anAppIdOutsideItsSyntaxIsRefused() {
        String app = "{\"v\":1,\"op\":\"register\",\"platform\":\"fcm\",\"token\":\"" + FCM_TOKEN + "\",\"app\":\"%s\"}";
        assertEquals(ErrorCode.INVALID_ENVELOPE, refusal(app.formatted("")).code());
        assertEquals(ErrorCode.INVALID_ENVELOPE, refusal(app.formatted("a".repeat(256))).code());
        assertEquals(ErrorCode.INVALID_ENVELOPE, refusal(app.formatted("com/example")).code());
    }

    @Test
    void aStampedRequestRoundTripsThroughTheServiceFeedAndPrintsNoToken() throws Exception {
        PushRequest stamped = PushRequest.register(PushPlatform.FCM, FCM_TOKEN, null, "1:42:android:ab12")
                .stamped("bob", "phone", 1795000000000L);
        assertEquals(stamped, codec.decode(codec.encode(stamped)));
        assertFalse(stamped.toString().contains(FCM_TOKEN), stamped.toString());
    }

    @Test
    void reqPushIsARequestTopicWithoutTarget() {
        Topics.Request request = Topics.Request.parse("req/push").orElseThrow();
        assertEquals(Topics.Request.Action.PUSH, request.action());
        assertEquals("req/push", Topics.pushRequests());
        assertTrue(Topics.Request.parse("req/push/x").isEmpty(), "no further levels");
    }

    @Test
    void aMuteNamesOneConversationAndMayEnd() throws Exception {
        assertEquals(PushRequest.muteWith("bob", null),
                codec.decodePushRequest(json("{\"v\":1,\"op\":\"mute\",\"with\":\"bob\"}")));
        PushRequest eightHours = codec.decodePushRequest(
                json("{\"v\":1,\"op\":\"mute\",\"group\":\"trip\",\"until\":1765000000000}"));
        assertEquals(PushRequest.muteGroup("trip", 1_765_000_000_000L), eightHours);
        assertEquals("g/trip", eightHours.conversationKey());
        assertEquals(PushRequest.unmuteWith("bob"),
                codec.decodePushRequest(json("{\"v\":1,\"op\":\"unmute\",\"with\":\"bob\"}")));
        assertEquals("u/bob", PushRequest.unmuteWith("bob").conversationKey());
    }

    @Test
    void aMuteWithoutExactlyOneConversationOrWithAMalformedEndIsRefused() {
        for (String refused : new String[] {
                "{\"v\":1,\"op\":\"mute\"}",
                "{\"v\":1,\"op\":\"mute\",\"with\":\"bob\",\"group\":\"trip\"}",
                "{\"v\":1,\"op\":\"mute\",\"with\":\"bob/#\"}",
                "{\"v\":1,\"op\":\"mute\",\"with\":\"bob\",\"until\":\"tomorrow\"}",
                "{\"v\":1,\"op\":\"mute\",\"with\":\"bob\",\"until\":-5}",
                "{\"v\":1,\"op\":\"mute\",\"with\":\"bob\",\"until\":1.5}",
                "{\"v\":1,\"op\":\"unmute\",\"group\":\"trip\",\"until\":1765000000000}"}) {
            assertEquals(ErrorCode.INVALID_ENVELOPE, refusal(refused).code(), refused);
        }
    }

    @Test
    void aStampedMuteRoundTripsThroughTheServiceFeed() throws Exception {
        PushRequest stamped = PushRequest.muteGroup("trip", 99L).stamped("alice", "phone", 7L);
        assertEquals(stamped, codec.decode(codec.encode(stamped)));
    }
}

