package io.mqchat.groups.fanout;

import io.mqchat.groups.membership.MembershipCache;
import io.mqchat.groups.store.Group;
import io.mqchat.groups.store.StoreUnavailableException;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.ErrorCode;
import io.mqchat.protocol.ErrorReply;
import io.mqchat.protocol.Topics;
import io.mqchat.service.OutboundMessage;
import io.mqchat.service.Publisher;
import io.mqchat.service.RetryLater;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Lets group traffic through only from members: messages and read markers by the membership the store has now,
 * typing signals by the cached one. A store that is down makes the traffic wait ({@link RetryLater}) rather than
 * be refused or dropped.
 */
final class MembershipGate {

    private final MembershipCache cache;
    private final Publisher publisher;
    private final Codec codec;
    private final Clock clock;

    MembershipGate(MembershipCache cache, Publisher publisher, Codec codec, Clock clock) {
        this.cache = cache;
        this.publisher = publisher;
        this.codec = codec;
        this.clock = clock;
    }

    /** The group if {@code user} is a member by the cached membership; empty (silently) otherwise. */
    Optional<Group> admit(String groupId, String user) throws RetryLater {
        return lookup(groupId, cache::group).filter(group -> group.isMember(user));
    }

    /**
     * The group as the store has it now if {@code user} is a member; otherwise empty, after telling the user on its
     * errors topic.
     *
     * @param ref          the refused message's id
     * @param requestTopic the topic the user published to
     */
    Optional<Group> admitOrAnswer(String groupId, String user, String ref, String requestTopic) throws RetryLater {
        Optional<Group> group = lookup(groupId, cache::current);
        if (group.isPresent() && group.get().isMember(user)) {
            return group;
        }
        if (group.isPresent()) {
            answer(user, ErrorCode.NOT_MEMBER, "you are not a member of group " + groupId, ref, requestTopic);
        } else {
            answer(user, ErrorCode.UNKNOWN_GROUP, "no group " + groupId, ref, requestTopic);
        }
        return Optional.empty();
    }

    /** Tells {@code user} on its errors topic why its request on {@code requestTopic} was not carried out. */
    void answer(String user, ErrorCode code, String text, String ref, String requestTopic) throws RetryLater {
        ErrorReply error = new ErrorReply(code.wireName(), text, ref, requestTopic, clock.millis());
        publisher.publishAll(List.of(OutboundMessage.to(Topics.errors(user), codec.encode(error)).qos(1).build()));
    }

    private static Optional<Group> lookup(String groupId, Function<String, Optional<Group>> read) throws RetryLater {
        try {
            return read.apply(groupId);
        } catch (StoreUnavailableException e) {
            throw new RetryLater("group store unavailable", e);
        }
    }
}
