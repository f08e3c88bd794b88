package io.mqchat.protocol;

import java.util.List;

/**
 * The answer to a request, on the requester's {@code responses} topic.
 *
 * @param op      the request's op
 * @param ref     the request's {@code ref}, when it had one
 * @param ok      true when the request was carried out
 * @param code    why not, when {@code ok} is false (an {@link ErrorCode} wire name)
 * @param message human-readable detail, when {@code ok} is false
 * @param group   the group the request created, changed or asked about
 * @param groups  the requester's groups (op mine)
 * @param ts      server time in epoch milliseconds
 */
public record Response(String op, String ref, boolean ok, String code, String message, GroupInfo group,
                       List<GroupInfo> groups, long ts) implements Envelope {

    public static final String TYPE = "response";

    public Response {
        groups = groups == null ? null : List.copyOf(groups);
    }

    public static Response ok(String op, String ref, GroupInfo group, long ts) {
        return new Response(op, ref, true, null, null, group, null, ts);
    }

    public static Response okList(String op, String ref, List<GroupInfo> groups, long ts) {
        return new Response(op, ref, true, null, null, null, groups, ts);
    }

    public static Response failed(String op, String ref, ErrorCode code, String message, long ts) {
        return new Response(op, ref, false, code.wireName(), message, null, null, ts);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
