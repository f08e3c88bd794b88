package io.mqchat.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON codec of the wire envelope, shared by the broker extension and the client library.
 * Thread-safe; create one and share it.
 *
 * <p>Decoding validates: a payload that is not a JSON object, lacks a required field, has the wrong
 * version or an unknown type raises a {@link ProtocolException} with the code the sender gets back.
 * Unknown fields are ignored so that newer clients can talk to older servers.
 */
public final class Codec {

    private static final byte[] BATCH_HEAD =
            ("{\"v\":" + Envelope.VERSION + ",\"type\":\"" + Batch.TYPE + "\",\"items\":[").getBytes(StandardCharsets.UTF_8);
    private static final byte[] BATCH_TAIL = "]}".getBytes(StandardCharsets.UTF_8);

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    /** Encodes any envelope as UTF-8 JSON with {@code v} and {@code type} first. */
    public byte[] encode(Envelope envelope) {
        try {
            return mapper.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Encodes already encoded envelopes as one {@link Batch}, without decoding them again: {@code items} must each
     * be an envelope this codec wrote, and none a batch.
     */
    public byte[] encodeBatch(List<byte[]> items) {
        int size = BATCH_HEAD.length + BATCH_TAIL.length + Math.max(0, items.size() - 1);
        for (byte[] item : items) {
            size += item.length;
        }
        byte[] batch = new byte[size];
        System.arraycopy(BATCH_HEAD, 0, batch, 0, BATCH_HEAD.length);
        int at = BATCH_HEAD.length;
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                batch[at++] = ',';
            }
            byte[] item = items.get(i);
            System.arraycopy(item, 0, batch, at, item.length);
            at += item.length;
        }
        System.arraycopy(BATCH_TAIL, 0, batch, at, BATCH_TAIL.length);
        return batch;
    }

    /** Encodes the read marker a client publishes to {@code read/u/{peer}}: read up to message {@code upTo}. */
    public byte[] encodeReadMarker(String upTo) {
        return encodeReadMarker(upTo, true);
    }

    /** As {@link #encodeReadMarker(String)}; {@code shared} false keeps it from the others (read receipts off). */
    public byte[] encodeReadMarker(String upTo, boolean shared) {
        if (!MessageIds.isValid(upTo)) {
            throw new IllegalArgumentException("not a message id: " + upTo);
        }
        ObjectNode marker = mapper.createObjectNode().put("v", Envelope.VERSION).put("upTo", upTo);
        if (!shared) {
            marker.put("shared", false);
        }
        try {
            return mapper.writeValueAsBytes(marker);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Decodes a chat message a client publishes to {@code send/u/{peer}} or {@code send/g/{group}}: a text message
     * or an image message (each with an optional {@code ttl}), or a timer change. Server-stamped fields are ignored. Whether a ttl or timer is
     * one the server offers is for the server's configuration to say, not the codec.
     */
    public ChatMessage decodeOutgoing(byte[] payload) throws ProtocolException {
        JsonNode node = readVersionedObject(payload);
        return decodeOutgoing(node, requiredText(node, "type"));
    }

    /**
     * Decodes what a client publishes to {@code send/u/{peer}} or {@code send/g/{group}}: a chat message (as
     * {@link #decodeOutgoing(byte[])}) or a {@link MessageChange}. Server-stamped fields are ignored.
     */
    public Envelope decodeSent(byte[] payload) throws ProtocolException {
        JsonNode node = readVersionedObject(payload);
        String type = requiredText(node, "type");
        return MessageChange.isChangeType(type) ? decodeChange(node, type) : decodeOutgoing(node, type);
    }

    private MessageChange decodeChange(JsonNode node, String type) throws ProtocolException {
        String id = optionalText(node, "id");
        if (id != null && !MessageIds.isValid(id)) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, "id must be 1-64 characters of [A-Za-z0-9_.-]");
        }
        JsonNode target = node.get("target");
        if (target == null || !target.isObject()) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, "a " + type + " needs 'target': {id, from}");
        }
        String targetId = textOrNull(target.get("id"));
        String targetFrom = textOrNull(target.get("from"));
        if (!MessageIds.isValid(targetId)) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, "target.id must be a message id");
        }
        if (targetFrom != null && !UserIds.isValidUserId(targetFrom)
                || targetFrom == null && MessageChange.REACTION.equals(type)) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, "target.from must be a user id");
        }
        MessageRef ref = new MessageRef(targetId, targetFrom);
        return switch (type) {
            case MessageChange.EDIT -> {
                String body = requiredText(node, "body");
                if (body.isEmpty()) {
                    throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, "body must not be empty");
                }
                yield new MessageChange(type, id, null, null, null, null, ref, body, null);
            }
            case MessageChange.DELETE -> MessageChange.delete(id, ref);
            default -> {
                String emoji = optionalText(node, "emoji");
                if (emoji != null && !emoji.isEmpty() && !MessageChange.isReaction(emoji)) {
                    throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, "emoji must be an emoji: at most "
                            + MessageChange.MAX_EMOJI + " characters, no letters or spaces");
                }
                yield MessageChange.reaction(id, ref, emoji);
            }
        };
    }

    private ChatMessage decodeOutgoing(JsonNode node, String type) throws ProtocolException {
        String id = optionalText(node, "id");
        if (id != null && !MessageIds.isValid(id)) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, "id must be 1-64 characters of [A-Za-z0-9_.-]");
        }
        if (ChatMessage.TIMER.equals(type)) {
            Integer timer = optionalSeconds(node, "timer", 0);
            if (timer == null) {
                throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, "a timer message needs 'timer' (seconds, 0 = off)");
            }
            return ChatMessage.timerChange(id, timer);
        }
        if (ChatMessage.IMAGE.equals(type)) {
            return forwarded(node, ChatMessage.image(id, requiredMedia(node), optionalText(node, "body"),
                    optionalSeconds(node, "ttl", 1)).mentioning(mentions(node)).replying(reply(node)));
        }
        if (!ChatMessage.TEXT.equals(type)) {
            throw new ProtocolException(ErrorCode.UNKNOWN_TYPE, "unknown message type '" + type + "'");
        }
        String body = requiredText(node, "body");
        if (body.isEmpty()) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, "body must not be empty");
        }
        return forwarded(node, ChatMessage.text(id, body, optionalSeconds(node, "ttl", 1)).mentioning(mentions(node))
                .replying(reply(node)));
    }

    /** {@code message}, marked forwarded when the client says so ({@code "forwarded":true}). */
    private static ChatMessage forwarded(JsonNode node, ChatMessage message) throws ProtocolException {
        JsonNode forwarded = node.get("forwarded");
        if (forwarded == null || forwarded.isNull()) {
            return message;
        }
        if (!forwarded.isBoolean()) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, "'forwarded' must be true or false");
        }
        return forwarded.booleanValue() ? message.asForwarded() : message;
    }

    /** The message a message answers, as a client quotes it ({@code gone} is the archive's to say); null when absent. */
    private static Reply reply(JsonNode node) throws ProtocolException {
        JsonNode reply = node.get("reply");
        if (reply == null || reply.isNull()) {
            return null;
        }
        if (!reply.isObject()) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, "'reply' must be an object with id and from");
        }
        JsonNode excerpt = reply.get("excerpt");
        if (excerpt != null && !excerpt.isNull() && !excerpt.isTextual()) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, "reply.excerpt must be text");
        }
        Reply quoted = Reply.to(textOrNull(reply.get("id")), textOrNull(reply.get("from")),
                excerpt == null || excerpt.isNull() ? null : excerpt.asText());
        String problem = quoted.problem();
        if (problem != null) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, problem);
        }
        return quoted;
    }

    private static String textOrNull(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }

    /** The users a message mentions: 1 to 50 distinct user ids, in the order given; null when absent. */
    private static List<String> mentions(JsonNode node) throws ProtocolException {
        JsonNode mentions = node.get("mentions");
        if (mentions == null || mentions.isNull()) {
            return null;
        }
        if (!mentions.isArray() || mentions.isEmpty() || mentions.size() > ChatMessage.MAX_MENTIONS) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE,
                    "'mentions' must be a list of 1-" + ChatMessage.MAX_MENTIONS + " user ids");
        }
        Set<String> users = new LinkedHashSet<>();
        for (JsonNode user : mentions) {
            if (!user.isTextual() || !UserIds.isValidUserId(user.asText())) {
                throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, "'mentions' holds an invalid user id");
            }
            users.add(user.asText());
        }
        return List.copyOf(users);
    }

    /** Decodes a read marker a client publishes to {@code read/u/{peer}}; returns the {@code upTo} message id. */
    public String decodeReadMarker(byte[] payload) throws ProtocolException {
        return decodeMarker(payload).upTo();
    }

    /** Decodes a read marker a client publishes, with whether the reader shares it ({@code "shared":false}: not). */
    public ReadMarker decodeMarker(byte[] payload) throws ProtocolException {
        JsonNode node = readVersionedObject(payload);
        String upTo = requiredText(node, "upTo");
        if (!MessageIds.isValid(upTo)) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, "upTo must be a message id");
        }
        JsonNode shared = node.get("shared");
        if (shared != null && !shared.isNull() && !shared.isBoolean()) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, "'shared' must be true or false");
        }
        return new ReadMarker(upTo, shared == null || shared.isNull() || shared.booleanValue());
    }

    /** Encodes the typing signal a client publishes to {@code typing/u/{peer}} or {@code typing/g/{group}}. */
    public byte[] encodeTypingSignal(String state) {
        return writeObject(mapper.createObjectNode().put("v", Envelope.VERSION).put("state", requireTypingState(state)));
    }

    /** Decodes a client's typing signal; returns {@value Typing#TYPING} or {@value Typing#PAUSED} (default typing). */
    public String decodeTypingSignal(byte[] payload) throws ProtocolException {
        JsonNode node = readVersionedObject(payload);
        String state = optionalText(node, "state");
        if (state == null) {
            return Typing.TYPING;
        }
        if (!Typing.TYPING.equals(state) && !Typing.PAUSED.equals(state)) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, "state must be 'typing' or 'paused'");
        }
        return state;
    }

    /** Encodes the privacy setting a client publishes to {@code req/presence}. */
    public byte[] encodePrivacyRequest(String privacy) {
        if (!PresenceEvent.EVERYONE.equals(privacy) && !PresenceEvent.NOBODY.equals(privacy)) {
            throw new IllegalArgumentException("privacy must be everyone or nobody: " + privacy);
        }
        return writeObject(mapper.createObjectNode().put("v", Envelope.VERSION).put("privacy", privacy));
    }

    /** Decodes a client's privacy request; returns {@value PresenceEvent#EVERYONE} or {@value PresenceEvent#NOBODY}. */
    public String decodePrivacyRequest(byte[] payload) throws ProtocolException {
        String privacy = requiredText(readVersionedObject(payload), "privacy");
        if (!PresenceEvent.EVERYONE.equals(privacy) && !PresenceEvent.NOBODY.equals(privacy)) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, "privacy must be 'everyone' or 'nobody'");
        }
        return privacy;
    }

    /**
     * Decodes a group administration request as a client publishes it to {@code req/groups}, checking that
     * the op is known and has the arguments it needs; server-stamped fields are ignored.
     */
    public GroupRequest decodeGroupRequest(byte[] payload) throws ProtocolException {
        JsonNode node = readVersionedObject(payload);
        String op = requiredText(node, "op");
        if (!GroupRequest.OPS.contains(op)) {
            throw new ProtocolException(ErrorCode.UNKNOWN_TYPE, "unknown op '" + op + "', one of " + GroupRequest.OPS);
        }
        String ref = optionalText(node, "ref");
        if (ref != null && !MessageIds.isValid(ref)) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, "ref must be 1-64 characters of [A-Za-z0-9_.-]");
        }
        String group = optionalText(node, "group");
        boolean needsGroup = !GroupRequest.CREATE.equals(op) && !GroupRequest.MINE.equals(op);
        if (needsGroup && !UserIds.isValidUserId(group)) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, "op '" + op + "' needs a valid 'group'");
        }
        String name = optionalText(node, "name");
        boolean needsName = GroupRequest.CREATE.equals(op) || GroupRequest.RENAME.equals(op);
        if (needsName && (name == null || name.isBlank() || name.length() > GroupNames.MAX_LENGTH)) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE,
                    "op '" + op + "' needs a 'name' of 1-" + GroupNames.MAX_LENGTH + " characters");
        }
        List<String> members = optionalUserList(node, "members");
        boolean needsMembers = GroupRequest.ADD.equals(op) || GroupRequest.REMOVE.equals(op);
        if (needsMembers && (members == null || members.isEmpty())) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, "op '" + op + "' needs a non-empty 'members' list");
        }
        return new GroupRequest(op, needsGroup ? group : null, needsName ? name : null, members, ref, null, null, null);
    }

    /**
     * Decodes a history request as a client publishes it to {@code req/history}, checking the op, the conversation,
     * the cursors and the limit; server-stamped fields are ignored.
     */
    public HistoryRequest decodeHistoryRequest(byte[] payload) throws ProtocolException {
        JsonNode node = readVersionedObject(payload);
        String op = requiredText(node, "op");
        if (!HistoryRequest.OPS.contains(op)) {
            throw new ProtocolException(ErrorCode.UNKNOWN_TYPE, "unknown op '" + op + "', one of " + HistoryRequest.OPS);
        }
        String ref = optionalText(node, "ref");
        if (ref != null && !MessageIds.isValid(ref)) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, "ref must be 1-64 characters of [A-Za-z0-9_.-]");
        }
        if (HistoryRequest.UNREAD.equals(op)) {
            return HistoryRequest.unread(ref);
        }
        if (HistoryRequest.SETTINGS.equals(op)) {
            if (node.has("readReceipts")) {
                throw new ProtocolException(ErrorCode.INVALID_ENVELOPE,
                        "settings go in 'settings': {\"settings\":{\"readReceipts\":false}}");
            }
            JsonNode settings = node.get("settings");
            if (settings == null || settings.isNull()) {
                return HistoryRequest.settings(null, ref);
            }
            return HistoryRequest.settings(settingsChange(settings), ref);
        }
        if (HistoryRequest.CONVERSATIONS.equals(op)) {
            JsonNode since = node.get("since");
            if (since != null && !since.isNull() && (!since.canConvertToLong() || !since.isIntegralNumber()
                    || since.longValue() < 0)) {
                throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, "'since' must be epoch milliseconds");
            }
            return HistoryRequest.conversations(since == null || since.isNull() ? null : since.longValue(), ref);
        }
        String with = optionalText(node, "with");
        String group = optionalText(node, "group");
        if ((with == null) == (group == null)) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, "op 'messages' needs exactly one of 'with' and 'group'");
        }
        if (!UserIds.isValidUserId(with != null ? with : group)) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, "'" + (with != null ? "with" : "group")
                    + "' is not a valid id");
        }
        String before = optionalText(node, "before");
        String after = optionalText(node, "after");
        if (before != null && after != null) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, "give at most one of 'before' and 'after'");
        }
        if (before != null) {
            Cursor.parse(before);
        }
        if (after != null) {
            Cursor.parse(after);
        }
        JsonNode limit = node.get("limit");
        if (limit != null && !limit.isNull() && (!limit.isInt() || limit.intValue() < 1
                || limit.intValue() > HistoryRequest.MAX_LIMIT)) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, "'limit' must be 1-" + HistoryRequest.MAX_LIMIT);
        }
        Integer pageSize = limit == null || limit.isNull() ? null : limit.intValue();
        return with != null ? HistoryRequest.withPeer(with, before, after, pageSize, ref)
                : HistoryRequest.inGroup(group, before, after, pageSize, ref);
    }

    private static SettingsChange settingsChange(JsonNode settings) throws ProtocolException {
        JsonNode readReceipts = settings.isObject() ? settings.get("readReceipts") : null;
        if (readReceipts != null && !readReceipts.isNull() && !readReceipts.isBoolean() || !settings.isObject()) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE,
                    "'settings' must be an object, its 'readReceipts' true or false");
        }
        String block = optionalUser(settings, "block");
        String unblock = optionalUser(settings, "unblock");
        if (block != null && block.equals(unblock)) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, "'block' and 'unblock' name the same user");
        }
        return new SettingsChange(readReceipts == null || readReceipts.isNull() ? null : readReceipts.booleanValue(),
                block, unblock);
    }

    private static String optionalUser(JsonNode node, String field) throws ProtocolException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || !UserIds.isValidUserId(value.textValue())) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, "'" + field + "' must be a user id");
        }
        return value.textValue();
    }

    /**
     * Decodes a push request as a client publishes it to {@code req/push}: {@value PushRequest#REGISTER}
     * needs a known {@code platform}, a {@code token} of that platform's syntax and an {@code app}; {@code env} is for
     * APNs only ({@value PushRequest#PRODUCTION} when left out). {@value PushRequest#MUTE} and
     * {@value PushRequest#UNMUTE} need exactly one of {@code with} and {@code group}; a mute may end at {@code until}
     * (epoch milliseconds). Server-stamped fields are ignored.
     */
    public PushRequest decodePushRequest(byte[] payload) throws ProtocolException {
        JsonNode node = readVersionedObject(payload);
        String op = requiredText(node, "op");
        if (!PushRequest.OPS.contains(op)) {
            throw new ProtocolException(ErrorCode.UNKNOWN_TYPE, "unknown op '" + op + "', one of " + PushRequest.OPS);
        }
        if (PushRequest.REMOVE.equals(op)) {
            return PushRequest.remove();
        }
        if (PushRequest.MUTE.equals(op) || PushRequest.UNMUTE.equals(op)) {
            return decodeMute(node, op);
        }
        String platformName = requiredText(node, "platform");
        PushPlatform platform = PushPlatform.fromWireName(platformName).orElseThrow(() -> new ProtocolException(
                ErrorCode.INVALID_ENVELOPE, "platform must be 'apns' or 'fcm'"));
        String token = requiredText(node, "token");
        if (!platform.isValidToken(token)) {
            // The refused token is not echoed: the error message is stored and may be logged.
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE,
                    "an " + platformName + " token must be " + platform.tokenRule());
        }
        String env = optionalText(node, "env");
        if (platform != PushPlatform.APNS && env != null) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, "'env' is for apns tokens only");
        }
        if (env != null && !PushRequest.SANDBOX.equals(env) && !PushRequest.PRODUCTION.equals(env)) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, "env must be 'sandbox' or 'production'");
        }
        String app = requiredText(node, "app");
        if (!PushRequest.isValidApp(app)) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, "app must be 1-255 characters of [A-Za-z0-9_.:-]");
        }
        String style = optionalText(node, "style");
        if (style != null && !PushRequest.ALERT.equals(style) && !PushRequest.SILENT.equals(style)) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, "style must be 'alert' or 'silent'");
        }
        String apnsEnv = env == null ? PushRequest.PRODUCTION : env;
        return PushRequest.register(platform, token, platform == PushPlatform.APNS ? apnsEnv : null, app,
                PushRequest.SILENT.equals(style));
    }

    private static PushRequest decodeMute(JsonNode node, String op) throws ProtocolException {
        String with = optionalText(node, "with");
        String group = optionalText(node, "group");
        if ((with == null) == (group == null)) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE,
                    "op '" + op + "' needs exactly one of 'with' and 'group'");
        }
        if (!UserIds.isValidUserId(with != null ? with : group)) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, "'" + (with != null ? "with" : "group")
                    + "' is not a valid id");
        }
        JsonNode until = node.get("until");
        boolean hasUntil = until != null && !until.isNull();
        if (hasUntil && (PushRequest.UNMUTE.equals(op) || !until.isIntegralNumber() || !until.canConvertToLong()
                || until.longValue() <= 0)) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, PushRequest.UNMUTE.equals(op)
                    ? "'until' is for op 'mute' only" : "'until' must be epoch milliseconds");
        }
        Long end = hasUntil ? until.longValue() : null;
        if (PushRequest.UNMUTE.equals(op)) {
            return with != null ? PushRequest.unmuteWith(with) : PushRequest.unmuteGroup(group);
        }
        return with != null ? PushRequest.muteWith(with, end) : PushRequest.muteGroup(group, end);
    }

    /**
     * Decodes anything the broker publishes on a user's tree or a service topic. A {@link Batch} comes back as one;
     * its items were decoded and checked like envelopes of their own, except that items of a type this codec does not
     * know are left out (a newer server's), as {@link ErrorCode#UNKNOWN_TYPE} would leave them out alone.
     */
    public Envelope decode(byte[] payload) throws ProtocolException {
        JsonNode node = readVersionedObject(payload);
        String type = requiredText(node, "type");
        if (Batch.TYPE.equals(type)) {
            return decodeBatch(node);
        }
        return decodeNode(node, type);
    }

    /** The envelopes a payload carries: a batch's items, or the one envelope it is. */
    public List<Envelope> decodeAll(byte[] payload) throws ProtocolException {
        Envelope envelope = decode(payload);
        return envelope instanceof Batch batch ? batch.items() : List.of(envelope);
    }

    private Batch decodeBatch(JsonNode node) throws ProtocolException {
        JsonNode items = node.get("items");
        if (items == null || !items.isArray()) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, "a batch needs 'items', a list of envelopes");
        }
        List<Envelope> envelopes = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            if (!item.isObject()) {
                throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, "a batch's items must be JSON objects");
            }
            String type = requiredText(item, "type");
            if (Batch.TYPE.equals(type)) {
                throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, "a batch cannot hold a batch");
            }
            try {
                envelopes.add(decodeNode(item, type));
            } catch (ProtocolException e) {
                // An item of a type from a newer server is left out, as it would be alone; the rest still count.
                if (e.code() != ErrorCode.UNKNOWN_TYPE) {
                    throw e;
                }
            }
        }
        return new Batch(envelopes);
    }

    private Envelope decodeNode(JsonNode node, String type) throws ProtocolException {
        Class<? extends Envelope> target = switch (type) {
            case ChatMessage.TEXT, ChatMessage.IMAGE, ChatMessage.TIMER -> ChatMessage.class;
            case Receipt.DELIVERED, Receipt.READ -> Receipt.class;
            case ErrorReply.TYPE -> ErrorReply.class;
            case Notice.QUEUE_OVERFLOW -> Notice.class;
            case Typing.TYPE -> Typing.class;
            case Presence.TYPE -> Presence.class;
            case PresenceEvent.TYPE -> PresenceEvent.class;
            case Notify.TYPE -> Notify.class;
            case GroupRequest.TYPE -> GroupRequest.class;
            case Response.TYPE -> Response.class;
            case GroupEvent.TYPE -> GroupEvent.class;
            case HistoryRequest.TYPE -> HistoryRequest.class;
            case HistoryResponse.TYPE -> HistoryResponse.class;
            case PushRequest.TYPE -> PushRequest.class;
            case MessageChange.EDIT, MessageChange.DELETE, MessageChange.REACTION -> MessageChange.class;
            case BlockList.TYPE -> BlockList.class;
            default -> throw new ProtocolException(ErrorCode.UNKNOWN_TYPE, "unknown type '" + type + "'");
        };
        try {
            return mapper.treeToValue(node, target);
        } catch (JsonProcessingException e) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, "malformed " + type + ": " + e.getOriginalMessage());
        }
    }

    /** The {@code id} a payload names, if it is readable at all; used to reference a refused message. */
    public Optional<String> peekId(byte[] payload) {
        return peekReference(payload, "id");
    }

    /** The {@code ref} a group request names, if it is readable at all; used to reference a refused request. */
    public Optional<String> peekRef(byte[] payload) {
        return peekReference(payload, "ref");
    }

    private Optional<String> peekReference(byte[] payload, String field) {
        try {
            JsonNode value = mapper.readTree(payload).get(field);
            return value != null && value.isTextual() && MessageIds.isValid(value.asText())
                    ? Optional.of(value.asText()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private JsonNode readVersionedObject(byte[] payload) throws ProtocolException {
        JsonNode node;
        try {
            node = mapper.readTree(payload);
        } catch (IOException e) {
            throw new ProtocolException(ErrorCode.INVALID_JSON, "payload is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new ProtocolException(ErrorCode.INVALID_JSON, "payload must be a JSON object");
        }
        JsonNode v = node.get("v");
        if (v == null) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, "missing field 'v' (the envelope version, 1)");
        }
        if (!v.isInt() || v.intValue() != Envelope.VERSION) {
            throw new ProtocolException(ErrorCode.UNSUPPORTED_VERSION, "unsupported version " + v + ", this server speaks 1");
        }
        return node;
    }

    private byte[] writeObject(JsonNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String requireTypingState(String state) {
        if (!Typing.TYPING.equals(state) && !Typing.PAUSED.equals(state)) {
            throw new IllegalArgumentException("typing state must be typing or paused: " + state);
        }
        return state;
    }

    private static List<String> optionalUserList(JsonNode node, String field) throws ProtocolException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray() || value.size() > GroupNames.MAX_MEMBERS_PER_REQUEST) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE,
                    "'" + field + "' must be a list of at most " + GroupNames.MAX_MEMBERS_PER_REQUEST + " user ids");
        }
        List<String> users = new ArrayList<>(value.size());
        for (JsonNode user : value) {
            if (!user.isTextual() || !UserIds.isValidUserId(user.asText())) {
                throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, "'" + field + "' holds an invalid user id");
            }
            if (!users.contains(user.asText())) {
                users.add(user.asText());
            }
        }
        return users;
    }

    private MediaRef requiredMedia(JsonNode node) throws ProtocolException {
        JsonNode value = node.get("media");
        if (value == null || !value.isObject()) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, "an image message needs 'media', the upload's answer");
        }
        MediaRef media;
        try {
            media = mapper.treeToValue(value, MediaRef.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, "malformed 'media'");
        }
        String problem = media.problem();
        if (problem != null) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, problem);
        }
        return media;
    }

    private static Integer optionalSeconds(JsonNode node, String field, int min) throws ProtocolException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isInt() || value.intValue() < min || value.intValue() > ChatMessage.MAX_TTL_SECONDS) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE,
                    "'" + field + "' must be whole seconds, " + min + "-" + ChatMessage.MAX_TTL_SECONDS);
        }
        return value.intValue();
    }

    private static String requiredText(JsonNode node, String field) throws ProtocolException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, "missing or non-string field '" + field + "'");
        }
        return value.asText();
    }

    private static String optionalText(JsonNode node, String field) throws ProtocolException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, "field '" + field + "' must be a string");
        }
        return value.asText();
    }
}
