package io.mqchat.archive.changes;

import io.mqchat.protocol.ErrorCode;
import java.util.List;

/**
 * What became of an edit, delete or reaction: applied, and who learns of it, or refused, and why.
 *
 * @param participants who gets the change (both users of a 1-1 conversation, a group's members); empty when refused
 * @param refusal      why it was refused; null when applied
 * @param reason       the refusal's words for the sender; null when applied
 * @param expiresAt    when the changed message disappears (epoch ms), and the change with it; null for a permanent one
 * @param parked       true when the message is not in the archive yet: the change waits for it, nobody hears of it yet
 */
public record ChangeOutcome(List<String> participants, ErrorCode refusal, String reason, Long expiresAt,
                            boolean parked) {

    public ChangeOutcome {
        participants = List.copyOf(participants);
    }

    static ChangeOutcome applied(List<String> participants, Long expiresAt) {
        return new ChangeOutcome(participants, null, null, expiresAt, false);
    }

    static ChangeOutcome refused(ErrorCode code, String reason) {
        return new ChangeOutcome(List.of(), code, reason, null, false);
    }

    static ChangeOutcome waiting() {
        return new ChangeOutcome(List.of(), null, null, null, true);
    }

    /** True when the archive kept the change. */
    public boolean isApplied() {
        return refusal == null && !parked;
    }
}
