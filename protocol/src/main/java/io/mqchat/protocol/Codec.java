package io.mqchat.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The JSON codec of the wire envelope, shared by the broker extension and the client library.
 * Thread-safe; create one and share it.
 *
 * <p>Decoding validates: a payload that is not a JSON object, lacks a required field, has the wrong
 * version or an unknown type raises a {@link ProtocolException} with the code the sender gets back.
 * Unknown fields are ignored so that newer clients can talk to older servers.
 */
public final class Codec {

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

    /** Encodes the read marker a client publishes to {@code read/u/{peer}}: read up to message {@code upTo}. */
    public byte[] encodeReadMarker(String upTo) {
        if (!MessageIds.isValid(upTo)) {
            throw new IllegalArgumentException("not a message id: " + upTo);
        }
        try {
            return mapper.writeValueAsBytes(mapper.createObjectNode().put("v", Envelope.VERSION).put("upTo", upTo));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes a chat message a client publishes to {@code send/u/{peer}}; server-stamped fields are ignored. */
    public ChatMessage decodeOutgoing(byte[] payload) throws ProtocolException {
        JsonNode node = readVersionedObject(payload);
        String type = requiredText(node, "type");
        if (!ChatMessage.TEXT.equals(type)) {
            throw new ProtocolException(ErrorCode.UNKNOWN_TYPE, "unknown message type '" + type + "'");
        }
        String id = optionalText(node, "id");
        if (id != null && !MessageIds.isValid(id)) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, "id must be 1-64 characters of [A-Za-z0-9_.-]");
        }
        String body = requiredText(node, "body");
        if (body.isEmpty()) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, "body must not be empty");
        }
        return ChatMessage.text(id, body);
    }

    /** Decodes a read marker a client publishes to {@code read/u/{peer}}; returns the {@code upTo} message id. */
    public String decodeReadMarker(byte[] payload) throws ProtocolException {
        JsonNode node = readVersionedObject(payload);
        String upTo = requiredText(node, "upTo");
        if (!MessageIds.isValid(upTo)) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, "upTo must be a message id");
        }
        return upTo;
    }

    /** Decodes anything the broker publishes on a user's tree. */
    public Envelope decode(byte[] payload) throws ProtocolException {
        JsonNode node = readVersionedObject(payload);
        String type = requiredText(node, "type");
        Class<? extends Envelope> target = switch (type) {
            case ChatMessage.TEXT -> ChatMessage.class;
            case Receipt.DELIVERED, Receipt.READ -> Receipt.class;
            case ErrorReply.TYPE -> ErrorReply.class;
            case Notice.QUEUE_OVERFLOW -> Notice.class;
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
        try {
            JsonNode id = mapper.readTree(payload).get("id");
            return id != null && id.isTextual() && MessageIds.isValid(id.asText())
                    ? Optional.of(id.asText()) : Optional.empty();
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
