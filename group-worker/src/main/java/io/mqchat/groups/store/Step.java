package io.mqchat.groups.store;

import java.util.List;

/**
 * What one change does to a group: its next state and the users it affects, or the refusal.
 *
 * @param next     the group after the change (version not yet incremented); null when refused
 * @param affected users added or removed
 * @param refused  the refusal, or null
 */
record Step(Group next, List<String> affected, ChangeResult.Refused refused) {

    static Step to(Group next, List<String> affected) {
        return new Step(next, List.copyOf(affected), null);
    }

    static Step refuse(Refusal reason, String detail) {
        return new Step(null, List.of(), new ChangeResult.Refused(reason, detail));
    }
}
