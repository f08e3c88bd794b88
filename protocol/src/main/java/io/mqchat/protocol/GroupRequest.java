package io.mqchat.protocol;

import java.util.List;

/**
 * A group administration request. A client publishes {@code op} and its arguments to {@code req/groups};
 * the extension stamps {@code by}, {@code device} and {@code ts} and forwards it to the group-worker on
 * {@link ServiceTopics#GROUP_REQUESTS}. The answer is a {@link Response} on the requester's
 * {@code responses} topic (or the MQTT 5 response topic, when it lies in the requester's own tree).
 *
 * @param op      {@value #CREATE}, {@value #ADD}, {@value #REMOVE}, {@value #LEAVE}, {@value #RENAME},
 *                {@value #INFO} or {@value #MINE}
 * @param group   the group, for every op but create and mine
 * @param name    the group name, for create and rename
 * @param members users to add (create, add) or remove (remove)
 * @param ref     the client's correlation id, echoed in the response (MQTT 3.1.1 clients have no
 *                correlation data)
 * @param by      the requesting user, stamped by the server
 * @param device  the requesting device, stamped by the server
 * @param ts      server time in epoch milliseconds, stamped by the server
 */
public record GroupRequest(String op, String group, String name, List<String> members, String ref, String by,
                           String device, Long ts) implements Envelope {

    public static final String TYPE = "group_request";
    public static final String CREATE = "create";
    public static final String ADD = "add";
    public static final String REMOVE = "remove";
    public static final String LEAVE = "leave";
    public static final String RENAME = "rename";
    public static final String INFO = "info";
    public static final String MINE = "mine";

    /** Every op a server of this version understands. */
    public static final List<String> OPS = List.of(CREATE, ADD, REMOVE, LEAVE, RENAME, INFO, MINE);

    public GroupRequest {
        members = members == null ? null : List.copyOf(members);
    }

    /** This request as the server forwards it. */
    public GroupRequest stamped(String by, String device, long ts) {
        return new GroupRequest(op, group, name, members, ref, by, device, ts);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
