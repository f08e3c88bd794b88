package io.mqchat.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Everything the broker and the workers put on a user's topics or on the internal service topics. Each payload is a JSON object with a version {@code v}
 * and a {@code type}; {@link Codec} maps the type to one of these records.
 */
@JsonPropertyOrder({"v", "type"})
public sealed interface Envelope permits ChatMessage, Receipt, ErrorReply, Notice, Typing, Presence,
        PresenceEvent, Notify, GroupRequest, Response, GroupEvent, HistoryRequest, HistoryResponse, PushRequest, Batch,
        MessageChange, BlockList {

    /** The only envelope version this code speaks. */
    int VERSION = 1;

    /** The wire {@code type} of this envelope. */
    @JsonProperty("type")
    String type();

    /** The envelope version, always {@link #VERSION} for what this code writes. */
    @JsonProperty("v")
    default int v() {
        return VERSION;
    }
}
