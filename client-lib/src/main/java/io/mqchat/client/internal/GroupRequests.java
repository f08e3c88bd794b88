package io.mqchat.client.internal;

import io.mqchat.client.SendRejectedException;
import io.mqchat.client.groups.Group;
import io.mqchat.client.groups.GroupRequestException;
import io.mqchat.client.groups.Groups;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.ErrorCode;
import io.mqchat.protocol.GroupInfo;
import io.mqchat.protocol.GroupNames;
import io.mqchat.protocol.GroupRequest;
import io.mqchat.protocol.MessageIds;
import io.mqchat.protocol.Response;
import io.mqchat.protocol.Topics;
import io.mqchat.protocol.UserIds;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The {@link Groups} API over MQTT: each request goes to {@code req/groups} with a fresh {@code ref}, and the
 * answer on this user's responses topic completes it. Requests the server would refuse for their shape are
 * refused here, without a round trip, with the code the server would have used.
 */
public final class GroupRequests implements Groups {

    private final String me;
    private final Codec codec;
    private final Outbound outbound;
    private final PendingRequests<Response> pending;
    private final GroupDirectory directory;

    public GroupRequests(String me, Codec codec, Outbound outbound, PendingRequests<Response> pending,
                         GroupDirectory directory) {
        this.me = me;
        this.codec = codec;
        this.outbound = outbound;
        this.pending = pending;
        this.directory = directory;
    }

    @Override
    public CompletableFuture<Group> create(String name, Collection<String> members) {
        return group(request(GroupRequest.CREATE, null, name, members));
    }

    @Override
    public CompletableFuture<Group> add(String group, Collection<String> members) {
        return group(request(GroupRequest.ADD, group, null, members));
    }

    @Override
    public CompletableFuture<Group> remove(String group, Collection<String> members) {
        return group(request(GroupRequest.REMOVE, group, null, members));
    }

    @Override
    public CompletableFuture<Void> leave(String group) {
        return request(GroupRequest.LEAVE, group, null, null).thenApply(response -> {
            directory.forget(group);
            return null;
        });
    }

    @Override
    public CompletableFuture<Group> rename(String group, String name) {
        return group(request(GroupRequest.RENAME, group, name, null));
    }

    @Override
    public CompletableFuture<Group> info(String group) {
        return group(request(GroupRequest.INFO, group, null, null));
    }

    @Override
    public CompletableFuture<List<Group>> mine() {
        return request(GroupRequest.MINE, null, null, null).thenApply(response -> response.groups() == null
                ? List.<Group>of() : response.groups().stream().map(directory::learn).toList());
    }

    @Override
    public Optional<Group> known(String group) {
        return directory.find(group);
    }

    private CompletableFuture<Group> group(CompletableFuture<Response> answer) {
        return answer.thenApply(response -> {
            GroupInfo info = Objects.requireNonNull(response.group(), "the server's answer names no group");
            return directory.learn(info);
        });
    }

    private CompletableFuture<Response> request(String op, String group, String name, Collection<String> members) {
        List<String> memberList = members == null ? null : List.copyOf(members);
        Optional<String> invalid = invalid(op, group, name, memberList);
        if (invalid.isPresent()) {
            return CompletableFuture.failedFuture(new GroupRequestException(op, ErrorCode.INVALID_ENVELOPE.wireName(),
                    invalid.get()));
        }
        String ref = MessageIds.newId();
        CompletableFuture<Response> answer = pending.register(ref, op);
        byte[] payload = codec.encode(new GroupRequest(op, group, name, memberList, ref, null, null, null));
        outbound.request(Topics.groupRequests(), payload, ref, Topics.responses(me))
                .whenComplete((acked, failure) -> {
                    if (failure != null) {
                        pending.failed(ref, asGroupFailure(op, failure));
                    }
                });
        return answer;
    }

    private static Throwable asGroupFailure(String op, Throwable failure) {
        if (failure instanceof SendRejectedException rejected) {
            return new GroupRequestException(op, rejected.wireCode(), rejected.detail());
        }
        return failure;
    }

    /** The checks {@code Codec.decodeGroupRequest} makes on the server. */
    static Optional<String> invalid(String op, String group, String name, List<String> members) {
        boolean needsGroup = !GroupRequest.CREATE.equals(op) && !GroupRequest.MINE.equals(op);
        if (needsGroup && !UserIds.isValidUserId(group)) {
            return Optional.of("'" + group + "' is not a valid group id");
        }
        boolean needsName = GroupRequest.CREATE.equals(op) || GroupRequest.RENAME.equals(op);
        if (needsName && (name == null || name.isBlank() || name.length() > GroupNames.MAX_LENGTH)) {
            return Optional.of("a group name must be 1-" + GroupNames.MAX_LENGTH + " characters");
        }
        if (members != null) {
            if (members.size() > GroupNames.MAX_MEMBERS_PER_REQUEST) {
                return Optional.of("at most " + GroupNames.MAX_MEMBERS_PER_REQUEST + " members per request");
            }
            for (String member : members) {
                if (!UserIds.isValidUserId(member)) {
                    return Optional.of("'" + member + "' is not a valid user id");
                }
            }
        }
        boolean needsMembers = GroupRequest.ADD.equals(op) || GroupRequest.REMOVE.equals(op);
        if (needsMembers && (members == null || members.isEmpty())) {
            return Optional.of(op + " needs at least one member");
        }
        return Optional.empty();
    }
}
