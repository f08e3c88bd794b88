package io.mqchat.protocol;

import java.util.Optional;

/** Why the broker refused a request; the wire name is what clients match on. */
public enum ErrorCode {
    /** The payload is not a JSON object. */
    INVALID_JSON("invalid_json"),
    /** The payload is JSON, but a required field is missing or has the wrong type or syntax. */
    INVALID_ENVELOPE("invalid_envelope"),
    /** The envelope version {@code v} is not one this server speaks. */
    UNSUPPORTED_VERSION("unsupported_version"),
    /** The envelope {@code type} is not known for this topic. */
    UNKNOWN_TYPE("unknown_type"),
    /** The payload is larger than the configured limit. */
    TOO_LARGE("too_large"),
    /** The recipient in the topic is not a valid user id. */
    INVALID_RECIPIENT("invalid_recipient"),
    /** Chat messages and read markers must be published with QoS 1 or 2 so that they can be stored and acknowledged. */
    QOS_REQUIRED("qos_required"),
    /** The user sends faster than the configured rate limit allows; send again later. */
    RATE_LIMITED("rate_limited"),
    /** The user is not a member of the group it addressed. */
    NOT_MEMBER("not_member"),
    /** Only a group admin may do this. */
    NOT_ADMIN("not_admin"),
    /** The group would exceed its member limit. */
    LIMIT_REACHED("limit_reached"),
    /** No group has this id. */
    UNKNOWN_GROUP("unknown_group"),
    /** The request's op or arguments are not valid. */
    BAD_REQUEST("bad_request"),
    /** A store the request needs is down; try again later. */
    UNAVAILABLE("unavailable"),
    /** The message an edit, delete or reaction names is not in the conversation (never was, or has disappeared). */
    NOT_FOUND("not_found"),
    /** Only the sender edits or deletes its message (or a group admin deletes), and nobody changes a deleted one. */
    NOT_ALLOWED("not_allowed"),
    /** The edit or delete came after the window the server allows for it. */
    TOO_LATE("too_late"),
    /** The sender blocked the user it writes to: it unblocks first. */
    BLOCKED("blocked");

    private final String wireName;

    ErrorCode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The code with this wire name; empty for a code this version does not know (a newer server's). */
    public static Optional<ErrorCode> fromWireName(String name) {
        for (ErrorCode code : values()) {
            if (code.wireName.equals(name)) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }
}
