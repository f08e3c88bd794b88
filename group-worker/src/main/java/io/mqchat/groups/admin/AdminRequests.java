package io.mqchat.groups.admin;

import io.mqchat.groups.membership.ChangeAnnouncer;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.Envelope;
import io.mqchat.protocol.ErrorCode;
import io.mqchat.protocol.GroupEvent;
import io.mqchat.protocol.GroupRequest;
import io.mqchat.protocol.ProtocolException;
import io.mqchat.protocol.Response;
import io.mqchat.protocol.ServiceTopics;
import io.mqchat.protocol.Topics;
import io.mqchat.protocol.UserIds;
import io.mqchat.service.InboundMessage;
import io.mqchat.service.MessageHandler;
import io.mqchat.service.OutboundMessage;
import io.mqchat.service.Publisher;
import io.mqchat.service.RetryLater;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles the group administration requests the extension forwards on {@code svc/groups/requests}: carries
 * them out ({@link GroupAdmin}), announces a change to the other worker instances and, as a system message,
 * to the members, then answers the requester: on the MQTT 5 response topic with its correlation data when the
 * request had one, else on {@code u/{by}/responses} (where {@code ref} correlates for MQTT 3.1.1 clients).
 */
public final class AdminRequests implements MessageHandler {

    private static final Logger LOG = LoggerFactory.getLogger(AdminRequests.class);

    private final GroupAdmin admin;
    private final ChangeAnnouncer announcer;
    private final Publisher publisher;
    private final Codec codec;
    private final int answerMaxBytes;

    /** @param answerMaxBytes the largest answer; a larger one is answered {@code too_large} instead */
    public AdminRequests(GroupAdmin admin, ChangeAnnouncer announcer, Publisher publisher, Codec codec,
                         int answerMaxBytes) {
        this.answerMaxBytes = answerMaxBytes;
        this.admin = admin;
        this.announcer = announcer;
        this.publisher = publisher;
        this.codec = codec;
    }

    @Override
    public void handle(InboundMessage message) throws RetryLater {
        GroupRequest request = stampedRequest(message);
        if (request == null) {
            return;
        }
        LOG.debug("group request {} by {}", request.op(), request.by());
        RequestIds ids = RequestIds.of(message.payload());
        AdminOutcome outcome;
        try {
            codec.decodeGroupRequest(message.payload());
            outcome = admin.handle(request, ids);
        } catch (ProtocolException e) {
            outcome = admin.badRequest(request, e.getMessage());
        }
        if (outcome.event() != null) {
            publisher.publishAll(announcements(outcome.event(), outcome.recipients()));
        }
        publisher.publishAll(List.of(response(message, request, outcome)));
    }

    /** The request with its stamped requester, or null (logged) when it cannot be answered at all. */
    private GroupRequest stampedRequest(InboundMessage message) {
        try {
            Envelope envelope = codec.decode(message.payload());
            if (envelope instanceof GroupRequest request && UserIds.isValidUserId(request.by())) {
                return request;
            }
            LOG.warn("skipping a group request without a stamped requester on {}", message.topic());
        } catch (ProtocolException e) {
            LOG.warn("skipping an unreadable group request on {}: {}", message.topic(), e.getMessage());
        }
        return null;
    }

    private List<OutboundMessage> announcements(GroupEvent event, List<String> recipients) {
        List<OutboundMessage> out = new ArrayList<>(recipients.size() + 2);
        out.add(announcer.announce(event));
        byte[] payload = codec.encode(event);
        // The archive learns membership periods from the events, so a member's history starts when it joined.
        out.add(OutboundMessage.to(ServiceTopics.laneFor(ServiceTopics.ARCHIVE, event.group()), payload).qos(1).build());
        for (String member : recipients) {
            out.add(OutboundMessage.to(Topics.inbox(member), payload).qos(1).build());
        }
        return out;
    }

    private OutboundMessage response(InboundMessage message, GroupRequest request, AdminOutcome outcome) {
        String ownTree = Topics.USER_ROOT + "/" + request.by() + "/";
        // The extension already drops foreign response topics; checked again so no worker can be made to write
        // into someone else's tree.
        String topic = message.responseTopic().filter(t -> t.startsWith(ownTree)).orElse(Topics.responses(request.by()));
        byte[] answer = codec.encode(outcome.response());
        if (answer.length > answerMaxBytes) {
            // The broker would refuse it on every retry, and the requests behind it on this lane would wait for ever.
            LOG.warn("answering a {} request of {} too_large: the answer has {} bytes, the limit is {}",
                    request.op(), request.by(), answer.length, answerMaxBytes);
            answer = codec.encode(Response.failed(request.op(), request.ref(), ErrorCode.TOO_LARGE, "the answer has "
                    + answer.length + " bytes, more than the " + answerMaxBytes + " one answer may have",
                    outcome.response().ts()));
        }
        OutboundMessage.Builder response = OutboundMessage.to(topic, answer).qos(1);
        if (message.responseTopic().isPresent() && topic.equals(message.responseTopic().get())) {
            message.correlationData().ifPresent(response::correlationData);
        }
        return response.build();
    }
}
