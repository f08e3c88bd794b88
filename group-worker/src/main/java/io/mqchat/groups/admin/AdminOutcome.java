package io.mqchat.groups.admin;

import io.mqchat.protocol.GroupEvent;
import io.mqchat.protocol.Response;
import java.util.List;

/**
 * What answering one admin request produced: the response for the requester and, when membership or the name
 * changed, the system message and who gets it.
 *
 * @param response   the answer
 * @param event      the change, or null when nothing changed
 * @param recipients the users whose inboxes get the event: the members after the change plus anyone it removed
 */
public record AdminOutcome(Response response, GroupEvent event, List<String> recipients) {

    public AdminOutcome {
        recipients = List.copyOf(recipients);
    }

    static AdminOutcome answer(Response response) {
        return new AdminOutcome(response, null, List.of());
    }
}
