package io.mqchat.terminal.view;

import io.mqchat.client.Conversation;

/** How the terminal names a conversation: the peer ({@code bob}) or the group ({@code g:<id>}), as /open takes it. */
public final class ConversationNames {

    /** What marks a group in a conversation's name. */
    public static final String GROUP_PREFIX = "g:";

    private ConversationNames() {
    }

    public static String of(Conversation conversation) {
        String id = SafeText.of(conversation.id());
        return conversation.isGroup() ? GROUP_PREFIX + id : id;
    }
}
