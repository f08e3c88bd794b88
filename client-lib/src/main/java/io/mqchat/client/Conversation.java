package io.mqchat.client;

import io.mqchat.protocol.UserIds;

/**
 * A conversation: with one other user, or in a group. Messages, receipts and typing signals name the
 * conversation they belong to, and {@link MqchatClient#send(Conversation, String)} and
 * {@link MqchatClient#typing(Conversation)} address one.
 */
public sealed interface Conversation permits Conversation.OneToOne, Conversation.InGroup {

    /** The conversation with {@code peer}; throws IllegalArgumentException for an invalid user id. */
    static Conversation with(String peer) {
        return new OneToOne(peer);
    }

    /** The conversation of group {@code groupId}; throws IllegalArgumentException for an invalid group id. */
    static Conversation group(String groupId) {
        return new InGroup(groupId);
    }

    /** The peer's user id, or the group id. */
    String id();

    /** True for a group conversation. */
    default boolean isGroup() {
        return this instanceof InGroup;
    }

    /**
     * A 1-1 conversation.
     *
     * @param peer the other user
     */
    record OneToOne(String peer) implements Conversation {

        public OneToOne {
            requireId(peer, "peer");
        }

        @Override
        public String id() {
            return peer;
        }
    }

    /**
     * A group conversation.
     *
     * @param groupId the group, as {@link io.mqchat.client.groups.Groups} named it
     */
    record InGroup(String groupId) implements Conversation {

        public InGroup {
            requireId(groupId, "groupId");
        }

        @Override
        public String id() {
            return groupId;
        }
    }

    /**
     * Ids become topic levels; refusing a bad one here beats a refusal from the server later.
     *
     * @throws IllegalArgumentException when {@code id} is null or cannot be an id
     */
    private static void requireId(String id, String what) {
        if (!UserIds.isValidUserId(id)) {
            throw new IllegalArgumentException("'" + id + "' is not a valid " + what);
        }
    }
}
