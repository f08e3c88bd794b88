package io.mqchat.protocol;

/**
 * What a message answers: the message it quotes, named by its sender and id, with an excerpt of its text. Live, the
 * excerpt is the replying client's; in history it is the archive's, taken from the quoted message itself (so it
 * cannot be forged) and only where the reader may read that message (a group member not from before it joined). A
 * quote of a message that has disappeared or was deleted says so ({@code gone}) and has no excerpt: a reply must not
 * keep alive what its sender made disappear, and the archive never stores an excerpt.
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

    /** True when the quoted message is no longer in the conversation (not named isGone: that would hide the field). */
    public boolean originalGone() {
        return Boolean.TRUE.equals(gone);
    }

    /** The excerpt of {@code text} a quote carries: its start, cut between characters; null for null. */
    public static String excerptOf(String text) {
        if (text == null || text.length() <= MAX_EXCERPT) {
            return text;
        }
        return text.substring(0, Character.isHighSurrogate(text.charAt(MAX_EXCERPT - 1)) ? MAX_EXCERPT - 1 : MAX_EXCERPT);
    }
}
