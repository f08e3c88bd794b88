package io.mqchat.archive.changes;

import io.mqchat.archive.store.ArchiveStore;
import io.mqchat.archive.store.ConversationKey;
import io.mqchat.config.DurationFormat;
import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.ErrorCode;
import io.mqchat.protocol.MessageChange;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Decides whether an edit, delete or reaction may change the message it names, and keeps it when it may. The rules
 * are WhatsApp's: only the sender edits, within the edit window; the sender deletes for everyone within the delete
 * window, and so may a group admin (the group-worker checked that before it handed the delete on); whoever may read a
 * message reacts to it, once, changeably; nobody changes a deleted message or one that has disappeared. The rules
 * read the stamped change and the stored message, both fixed, so a change delivered again is decided the same. A 1-1
 * edit or reaction by a user the other one blocked (as the settings say when it is applied) is told to its sender
 * alone and kept nowhere, so that the blocker's history does not show it; a delete is kept (it only takes away), and
 * told to its sender alone.
 */
public final class MessageChanges {

    private final ArchiveStore store;
    private final Duration editWindow;
    private final Duration deleteWindow;
    private final Duration changeWait;

    /**
     * @param editWindow   how long after a message's server time its sender may edit it
     * @param deleteWindow how long after a message's server time it may be deleted for everyone
     * @param changeWait   how long a change may wait for its message (zero: refused at once): with several nodes, a
     *                     message routed on a node whose archive-worker lags (a backlog after a restart) reaches the
     *                     archive after a change routed on another node
     */
    public MessageChanges(ArchiveStore store, Duration editWindow, Duration deleteWindow, Duration changeWait) {
        this.store = store;
        this.editWindow = editWindow;
        this.deleteWindow = deleteWindow;
        this.changeWait = changeWait;
    }

    /** How long a change may wait for its message. */
    public Duration changeWait() {
        return changeWait;
    }

    /**
     * Checks and applies a stamped change, as seen at {@code now}; a change whose message the archive does not hold
     * yet waits for it ({@link ChangeOutcome#parked()}) while it is younger than the change wait.
     */
    public ChangeOutcome apply(MessageChange change, long now) {
        return apply(change, now, true);
    }

    /** Checks and applies a change that waited for its message, now there (or given up on: then refused). */
    public ChangeOutcome applyParked(MessageChange change, long now) {
        return apply(change, now, false);
    }

    private ChangeOutcome apply(MessageChange change, long now, boolean mayWait) {
        ConversationKey conversation = ConversationKey.of(change);
        Optional<ChatMessage> found = store.message(conversation, change.target(), now);
        if (found.isEmpty() && mayWait && now - change.ts() < changeWait.toMillis()) {
            store.park(conversation, change, now);
            return ChangeOutcome.waiting();
        }
        if (found.isEmpty() || found.get().isTimerChange()) {
            return ChangeOutcome.refused(ErrorCode.NOT_FOUND, "no message " + change.target().id() + " of "
                    + change.target().from() + " in this conversation (or it has disappeared)");
        }
        ChatMessage target = found.get();
        // A user who blocked the changer learns nothing of what it does, and is not told of it (as its messages).
        boolean blockedByPeer = !conversation.isGroup() && store.settings(change.to()).blocks(change.from());
        // In a group, only who may read the message learns of changes to it: not who joined after it was sent.
        List<String> participants = conversation.isGroup() ? store.membersSince(change.group(), target.ts())
                : blockedByPeer ? List.of(change.from()) : List.of(change.from(), change.to());
        if (MessageChange.DELETE.equals(change.type())) {
            // Deleting again changes nothing, and tells the devices again: a delivery of it may have been lost.
            if (!target.wasDeleted() && tooLate(change, target, deleteWindow)) {
                return tooLate(deleteWindow, "deleted");
            }
            store.delete(conversation, change.target(), now);
            return ChangeOutcome.applied(participants, target.expiresAt());
        }
        if (target.wasDeleted()) {
            return ChangeOutcome.refused(ErrorCode.NOT_ALLOWED, "the message was deleted");
        }
        if (MessageChange.EDIT.equals(change.type())) {
            if (change.targetsOthers()) {
                return ChangeOutcome.refused(ErrorCode.NOT_ALLOWED, "only its sender edits a message");
            }
            if (tooLate(change, target, editWindow)) {
                return tooLate(editWindow, "edited");
            }
            if (blockedByPeer) {
                return ChangeOutcome.applied(participants, target.expiresAt()); // kept nowhere the blocker reads
            }
            if (!store.edit(conversation, change.target(), change.body(), change.ts(), now)) {
                return ChangeOutcome.refused(ErrorCode.NOT_ALLOWED, "a later edit or a delete of the message stands");
            }
            return ChangeOutcome.applied(participants, target.expiresAt());
        }
        if (conversation.isGroup() && !mayRead(change.from(), change.group(), target)) {
            return ChangeOutcome.refused(ErrorCode.NOT_MEMBER, change.from() + " was not a member of "
                    + change.group() + " when the message was sent");
        }
        if (!blockedByPeer) {
            store.react(conversation, change.target(), change.from(), change.emoji(), now);
        }
        return ChangeOutcome.applied(participants, target.expiresAt());
    }

    private boolean mayRead(String user, String group, ChatMessage message) {
        OptionalLong since = store.memberSince(user, group);
        return since.isPresent() && since.getAsLong() <= message.ts();
    }

    private static boolean tooLate(MessageChange change, ChatMessage target, Duration window) {
        return change.ts() - target.ts() > window.toMillis();
    }

    private static ChangeOutcome tooLate(Duration window, String what) {
        return ChangeOutcome.refused(ErrorCode.TOO_LATE, window.isZero() ? "messages cannot be " + what + " here"
                : "a message can be " + what + " for " + DurationFormat.format(window) + " after it was sent");
    }
}
