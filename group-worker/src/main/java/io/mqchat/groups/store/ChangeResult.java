package io.mqchat.groups.store;

import java.util.List;

/** The outcome of a membership change: carried out (now or by an earlier delivery of the request), or refused. */
public sealed interface ChangeResult permits ChangeResult.Changed, ChangeResult.Refused {

    /**
     * The change is in the store.
     *
     * @param group    the group after the change
     * @param affected the users the change added or removed (those already in the wanted state are left out)
     * @param at       epoch milliseconds of the change: later than every earlier change of the group, so that the
     *                 group's events are ordered by it whatever the clocks of the workers that made them
     * @param replayed true when an earlier delivery of the same request had already carried it out; the group is
     *                 then the current one, and {@code affected} and {@code at} are what that first run recorded
     */
    record Changed(Group group, List<String> affected, long at, boolean replayed) implements ChangeResult {
        public Changed {
            affected = List.copyOf(affected);
        }
    }

    /**
     * The change was refused; nothing was written.
     *
     * @param reason why
     * @param detail a human-readable explanation for the requester
     */
    record Refused(Refusal reason, String detail) implements ChangeResult {
    }
}
