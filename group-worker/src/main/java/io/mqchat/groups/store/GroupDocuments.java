package io.mqchat.groups.store;

import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * The shape of a group document:
 * {@code {_id: groupId, name, admins: [user], members: [user], created, version, applied: [{r: requestId, a: [user], t}]}}.
 * {@code applied} keeps the last few requests carried out, with whom they affected and when ({@code t}, epoch
 * milliseconds), so that a request delivered again is recognised and announced again as it was the first time.
 */
final class GroupDocuments {

    static final String ID = "_id";
    static final String NAME = "name";
    static final String ADMINS = "admins";
    static final String MEMBERS = "members";
    static final String CREATED = "created";
    static final String VERSION = "version";
    static final String APPLIED = "applied";
    private static final String APPLIED_REQUEST = "r";
    private static final String APPLIED_AFFECTED = "a";
    private static final String APPLIED_AT = "t";

    private GroupDocuments() {
    }

    static Document newGroup(Group group, String requestId) {
        return new Document(ID, group.id())
                .append(NAME, group.name())
                .append(ADMINS, group.admins())
                .append(MEMBERS, group.members())
                .append(CREATED, group.created())
                .append(VERSION, group.version())
                .append(APPLIED, List.of(applied(requestId, group.members(), group.created())));
    }

    static Document applied(String requestId, List<String> affected, long at) {
        return new Document(APPLIED_REQUEST, requestId).append(APPLIED_AFFECTED, affected).append(APPLIED_AT, at);
    }

    static Group group(Document doc) {
        return new Group(doc.getString(ID), doc.getString(NAME), doc.getList(ADMINS, String.class),
                doc.getList(MEMBERS, String.class), doc.get(CREATED, Number.class).longValue(),
                doc.get(VERSION, Number.class).longValue());
    }

    /**
     * Request {@code requestId}'s change as its first run recorded it, against the current group, if this group's
     * recent history holds it.
     *
     * @param untimed the time to report for an entry written before entries were timed
     */
    static Optional<ChangeResult.Changed> replayOf(Document doc, String requestId, long untimed) {
        for (Document entry : doc.getList(APPLIED, Document.class, List.of())) {
            if (requestId.equals(entry.getString(APPLIED_REQUEST))) {
                Number at = entry.get(APPLIED_AT, Number.class);
                return Optional.of(new ChangeResult.Changed(group(doc),
                        entry.getList(APPLIED_AFFECTED, String.class, List.of()),
                        at == null ? untimed : at.longValue(), true));
            }
        }
        return Optional.empty();
    }

    /** The time of the group's latest change (its creation if none is recorded). */
    static long lastChange(Document doc) {
        long last = doc.get(CREATED, Number.class).longValue();
        for (Document entry : doc.getList(APPLIED, Document.class, List.of())) {
            Number at = entry.get(APPLIED_AT, Number.class);
            if (at != null) {
                last = Math.max(last, at.longValue());
            }
        }
        return last;
    }
}
