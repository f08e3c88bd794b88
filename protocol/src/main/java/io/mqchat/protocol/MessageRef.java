package io.mqchat.protocol;

/**
 * A message named by its sender and id: what an edit, a delete or a reaction is about. Ids are unique per sender, so
 * the pair names one message of a conversation.
 *
 * @param id   the message's id
 * @param from the message's sender; clients may leave it out of an edit or delete, which are of their own messages
 */
public record MessageRef(String id, String from) {

    /** The problem with this reference, or null when it names a message. */
    public String problem() {
        if (!MessageIds.isValid(id)) {
            return "target.id must be a message id";
        }
        if (!UserIds.isValidUserId(from)) {
            return "target.from must be a user id";
        }
        return null;
    }

    /** True when this names the message {@code message}. */
    public boolean names(ChatMessage message) {
        return id.equals(message.id()) && from.equals(message.from());
    }
}
