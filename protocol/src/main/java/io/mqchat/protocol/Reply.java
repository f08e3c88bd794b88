package io.mqchat.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What a message answers: the message it quotes, named by its sender and id, with an excerpt of its text as the
 * replying client showed it, so that a reply shows its quote however old the quoted message is. In history, a quote
 * of a message that has disappeared or was deleted says so ({@code gone}) and keeps no excerpt: a reply must not keep
 * alive what its sender made disappear.
 *
 * @param id      the quoted message's id
 * @param from    the quoted message's sender
 * @param excerpt up to {@value #MAX_EXCERPT} characters of the quoted text or caption; absent when it had none or is
 *                gone
 * @param gone    true (history only) when the quoted message is no longer in the conversation; absent otherwise
 */
public record Reply(String id, String from, String excerpt, Boolean gone) {

    /** The longest excerpt a reply may carry. */
    public static final int MAX_EXCERPT = 200;

    /** A quote of message {@code id} of {@code from}, with {@code excerpt} (null for none). */
    public static Reply to(String id, String from, String excerpt) {
        return new Reply(id, from, excerpt, null);
    }

    /** The problem with this quote as a client sent it, or null when it is well-formed. */
    public String problem() {
        if (!MessageIds.isValid(id)) {
            return "reply.id must be a message id";
        }
        if (!UserIds.isValidUserId(from)) {
            return "reply.from must be a user id";
        }
        if (excerpt != null && excerpt.length() > MAX_EXCERPT) {
            return "reply.excerpt must be at most " + MAX_EXCERPT + " characters";
        }
        return null;
    }

    /** This quote once the quoted message is gone: no excerpt. */
    public Reply withOriginalGone() {
        return new Reply(id, from, null, true);
    }

    /** True when the quoted message is no longer in the conversation. */
    @JsonIgnore
    public boolean isGone() {
        return Boolean.TRUE.equals(gone);
    }
}
