package io.mqchat.groups.admin;

import io.mqchat.groups.store.ChangeResult;
import io.mqchat.groups.store.Group;
import io.mqchat.groups.store.GroupStore;
import io.mqchat.groups.store.Refusal;
import io.mqchat.groups.store.StoreUnavailableException;
import io.mqchat.privacy.PrivacyStore;
import io.mqchat.privacy.PrivacyUnavailableException;
import io.mqchat.protocol.ErrorCode;
import io.mqchat.protocol.GroupEvent;
import io.mqchat.protocol.GroupInfo;
import io.mqchat.protocol.GroupRequest;
import io.mqchat.protocol.Response;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Carries out group administration requests against the store and says what to answer and announce. Knows
 * nothing of MQTT, so the rules are testable on their own; {@link AdminRequests} does the messaging. A user who
 * blocked the requester is left out of the members it creates a group with or adds: the answer's member list shows
 * who is in, and the blocker hears of nothing.
 */
public final class GroupAdmin {

    private final GroupStore store;
    private final PrivacyStore privacy;
    private final Clock clock;

    /** @param privacy who blocked whom */
    public GroupAdmin(GroupStore store, PrivacyStore privacy, Clock clock) {
        this.store = store;
        this.privacy = privacy;
        this.clock = clock;
    }

    /**
     * Answers a stamped, validated request. Never throws for a store that is down: the requester gets
     * {@code unavailable} and may ask again.
     *
     * @param request the request, with {@code by} stamped
     * @param ids     the ids derived from the request's bytes
     */
    AdminOutcome handle(GroupRequest request, RequestIds ids) {
        long now = clock.millis();
        try {
            return switch (request.op()) {
                case GroupRequest.CREATE -> changed(request, ids, GroupEvent.CREATED, store.create(ids.groupId(),
                        request.name(), request.by(), invitable(request), now, ids.requestId()));
                case GroupRequest.ADD -> changed(request, ids, GroupEvent.ADDED,
                        store.add(request.group(), request.by(), invitable(request), now, ids.requestId()));
                case GroupRequest.REMOVE -> changed(request, ids, GroupEvent.REMOVED,
                        store.remove(request.group(), request.by(), request.members(), now, ids.requestId()));
                case GroupRequest.LEAVE -> changed(request, ids, GroupEvent.LEFT,
                        store.leave(request.group(), request.by(), now, ids.requestId()));
                case GroupRequest.RENAME -> changed(request, ids, GroupEvent.RENAMED,
                        store.rename(request.group(), request.by(), request.name(), now, ids.requestId()));
                case GroupRequest.INFO -> info(request);
                case GroupRequest.MINE -> AdminOutcome.answer(Response.okList(request.op(), request.ref(),
                        store.groupsOf(request.by()).stream().map(GroupAdmin::info).toList(), clock.millis()));
                default -> failed(request, ErrorCode.BAD_REQUEST, "unknown op '" + request.op() + "'");
            };
        } catch (StoreUnavailableException | PrivacyUnavailableException e) {
            return failed(request, ErrorCode.UNAVAILABLE, "the group store is unavailable, try again later");
        }
    }

    /** The members the request names, but those who blocked the requester. */
    private List<String> invitable(GroupRequest request) {
        List<String> members = orEmpty(request.members());
        Set<String> blockers = privacy.blockedBy(request.by(), members);
        return blockers.isEmpty() ? members : members.stream().filter(member -> !blockers.contains(member)).toList();
    }

    /** The answer to a request that cannot be carried out as it is. */
    AdminOutcome badRequest(GroupRequest request, String why) {
        return failed(request, ErrorCode.BAD_REQUEST, why);
    }

    private AdminOutcome info(GroupRequest request) {
        Optional<Group> group = store.find(request.group());
        if (group.isEmpty()) {
            return failed(request, ErrorCode.UNKNOWN_GROUP, "no group " + request.group());
        }
        if (!group.get().isMember(request.by())) {
            return failed(request, ErrorCode.NOT_MEMBER, request.by() + " is not a member of " + request.group());
        }
        return AdminOutcome.answer(Response.ok(request.op(), request.ref(), info(group.get()), clock.millis()));
    }

    private AdminOutcome changed(GroupRequest request, RequestIds ids, String eventType, ChangeResult result) {
        if (result instanceof ChangeResult.Refused refused) {
            return failed(request, codeOf(refused.reason()), refused.detail());
        }
        ChangeResult.Changed change = (ChangeResult.Changed) result;
        Group group = change.group();
        Response response = Response.ok(request.op(), request.ref(), info(group), clock.millis());
        boolean renamed = GroupEvent.RENAMED.equals(eventType);
        if (change.affected().isEmpty() && !renamed) {
            return AdminOutcome.answer(response);
        }
        Set<String> recipients = new LinkedHashSet<>(group.members());
        recipients.addAll(change.affected());
        // The change's own time, also when this is a redelivered request: a replay announced at the current time
        // would outrank later changes in the archive (a removed member re-admitted by its old addition).
        GroupEvent event = new GroupEvent(ids.eventId(), group.id(), eventType, request.by(),
                renamed ? null : change.affected(), group.name(), change.at());
        return new AdminOutcome(response, event, new ArrayList<>(recipients));
    }

    private AdminOutcome failed(GroupRequest request, ErrorCode code, String message) {
        return AdminOutcome.answer(Response.failed(request.op(), request.ref(), code, message, clock.millis()));
    }

    private static GroupInfo info(Group group) {
        return new GroupInfo(group.id(), group.name(), group.admins(), group.members(), group.created());
    }

    private static ErrorCode codeOf(Refusal reason) {
        return switch (reason) {
            case UNKNOWN_GROUP -> ErrorCode.UNKNOWN_GROUP;
            case NOT_MEMBER -> ErrorCode.NOT_MEMBER;
            case NOT_ADMIN -> ErrorCode.NOT_ADMIN;
            case LIMIT_REACHED -> ErrorCode.LIMIT_REACHED;
        };
    }

    private static List<String> orEmpty(List<String> members) {
        return members == null ? List.of() : members;
    }
}
