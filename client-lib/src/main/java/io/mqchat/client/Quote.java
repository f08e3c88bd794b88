package io.mqchat.client;

/**
 * The message a reply answers, as the reply quotes it: shown above the reply's text however old the quoted message
 * is. Live, the excerpt is what the replying app sent; from the archive it is the quoted message's own text (none
 * for a group member who may not read it, having joined later), and a quote of a message that has disappeared or
 * was deleted is {@link #gone()} and has no excerpt.
 *
 * @param messageId the quoted message's id
 * @param from      the quoted message's sender
 * @param excerpt   the start of its text or caption (at most 200 characters); null when it had none or is gone
 * @param gone      true when the quoted message is no longer in the conversation
 */
public record Quote(String messageId, String from, String excerpt, boolean gone) {
}
