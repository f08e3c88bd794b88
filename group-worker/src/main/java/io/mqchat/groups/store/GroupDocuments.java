package io.mqchat.groups.store;

import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * The shape of a group document:
 * {@code {_id: groupId, name, admins: [user], members: [user], created, version, applied: [{r: requestId, a: [user]}]}}.
 * {@code applied} keeps the last few requests carried out, so that a request delivered again is recognised.
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

    private GroupDocuments() {
    }

    static Document newGroup(Group group, String requestId) {
        return new Document(ID, group.id())
                .append(NAME, group.name())
                .append(ADMINS, group.admins())
                .append(MEMBERS, group.members())
                .append(CREATED, group.created())
                .append(VERSION, group.version())
                .append(APPLIED, List.of(applied(requestId, group.members())));
    }

    static Document applied(String requestId, List<String> affected) {
        return new Document(APPLIED_REQUEST, requestId).append(APPLIED_AFFECTED, affected);
    }

    static Group group(Document doc) {
        return new Group(doc.getString(ID), doc.getString(NAME), doc.getList(ADMINS, String.class),
                doc.getList(MEMBERS, String.class), doc.get(CREATED, Number.class).longValue(),
                doc.get(VERSION, Number.class).longValue());
    }

    /** What request {@code requestId} affected, if this group's recent history holds it. */
    static Optional<List<String>> affectedBy(Document doc, String requestId) {
        for (Document entry : doc.getList(APPLIED, Document.class, List.of())) {
            if (requestId.equals(entry.getString(APPLIED_REQUEST))) {
                return Optional.of(entry.getList(APPLIED_AFFECTED, String.class, List.of()));
            }
        }
        return Optional.empty();
    }
}
