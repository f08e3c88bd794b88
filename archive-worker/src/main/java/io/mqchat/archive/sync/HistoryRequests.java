package io.mqchat.archive.sync;

import io.mqchat.protocol.BlockList;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.Envelope;
import io.mqchat.protocol.HistoryRequest;
import io.mqchat.protocol.HistoryResponse;
import io.mqchat.protocol.ProtocolException;
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
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles the history requests the extension forwards on {@code svc/archive/requests}: answers them
 * ({@link HistoryQueries}) on the MQTT 5 response topic with its correlation data when the request had one inside
 * the requester's own tree, else on {@code u/{by}/responses} (where {@code ref} correlates).
 */
public final class HistoryRequests implements MessageHandler {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryRequests.class);

    private final HistoryQueries queries;
    private final Publisher publisher;
    private final Codec codec;

    public HistoryRequests(HistoryQueries queries, Publisher publisher, Codec codec) {
        this.queries = queries;
        this.publisher = publisher;
        this.codec = codec;
    }

    @Override
    public void handle(InboundMessage message) throws RetryLater {
        HistoryRequest request = stampedRequest(message);
        if (request == null) {
            return;
        }
        HistoryResponse response;
        try {
            // The extension checked the shape already; checked again, since the answer is only as safe as its input.
            codec.decodeHistoryRequest(message.payload());
            response = queries.answer(request);
        } catch (ProtocolException e) {
            response = queries.badRequest(request, e.getMessage());
        }
        List<OutboundMessage> out = new ArrayList<>(2);
        blockList(request, response).ifPresent(out::add);
        out.add(reply(message, request, response));
        publisher.publishAll(out);
    }

    /**
     * The requester's block list for the broker, which drops what blocked users send it: published retained with
     * every settings answer (an empty list clears it), so that the node the user's devices connect to (they ask at
     * every connect) has the current one, also when the user moved there from another node. Before the answer, so
     * that a device told "blocked" is.
     */
    private Optional<OutboundMessage> blockList(HistoryRequest request, HistoryResponse response) {
        if (!HistoryRequest.SETTINGS.equals(response.op()) || !response.ok() || response.settings() == null) {
            return Optional.empty();
        }
        List<String> blocked = response.settings().blocked();
        byte[] payload = blocked.isEmpty() ? new byte[0] : codec.encode(new BlockList(request.by(), blocked));
        return Optional.of(OutboundMessage.to(ServiceTopics.blocksOf(request.by()), payload).qos(1).retain(true)
                .build());
    }

    /** The request with its stamped requester, or null (logged) when it cannot be answered at all. */
    private HistoryRequest stampedRequest(InboundMessage message) {
        try {
            Envelope envelope = codec.decode(message.payload());
            if (envelope instanceof HistoryRequest request && UserIds.isValidUserId(request.by())) {
                return request;
            }
            LOG.warn("skipping a history request without a stamped requester on {}", message.topic());
        } catch (ProtocolException e) {
            LOG.warn("skipping an unreadable history request on {}: {}", message.topic(), e.getMessage());
        }
        return null;
    }

    private OutboundMessage reply(InboundMessage message, HistoryRequest request, HistoryResponse response) {
        String ownTree = Topics.USER_ROOT + "/" + request.by() + "/";
        // The extension already drops foreign response topics; checked again so that no request can make the
        // archive write someone's history into another user's tree. The presence-worker's answers topic is a
        // service's own: only services can publish requests that keep one.
        String topic = message.responseTopic()
                .filter(t -> t.startsWith(ownTree) || t.startsWith(ServiceTopics.UNREAD_ANSWERS + "/"))
                .orElse(Topics.responses(request.by()));
        OutboundMessage.Builder reply = OutboundMessage.to(topic, codec.encode(response)).qos(1);
        if (message.responseTopic().isPresent() && topic.equals(message.responseTopic().get())) {
            message.correlationData().ifPresent(reply::correlationData);
        }
        return reply.build();
    }
}
