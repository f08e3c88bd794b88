package io.mqchat.extension.routing;

import com.hivemq.extension.sdk.api.interceptor.publish.PublishInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.packets.publish.ModifiablePublishPacket;
import com.hivemq.extension.sdk.api.services.session.ClientService;
import io.mqchat.extension.limits.ErrorReplyBudget;
import io.mqchat.extension.limits.RequestRateLimiter;
import io.mqchat.extension.logs.Printable;
import io.mqchat.extension.metrics.ChatMetrics;
import io.mqchat.extension.cluster.CrossNode;
import io.mqchat.extension.outbox.Outbox;
import io.mqchat.extension.presence.ActivityTracker;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.DeviceAddress;
import io.mqchat.protocol.ErrorCode;
import io.mqchat.protocol.ProtocolException;
import io.mqchat.protocol.Topics;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The front door for everything a device publishes. Publishes to the protocol's request topics are
 * validated and routed; anything else is a permission violation, refused with NOT_AUTHORIZED, and the client is
 * disconnected (HiveMQ does so for MQTT 3.1.1, {@link ViolationDisconnects} for MQTT 5). Content problems are
 * answered, not refused, see {@link Refusals}. Runs on HiveMQ's extension threads and does no blocking I/O.
 */
public final class RequestInterceptor implements PublishInboundInterceptor {

    private static final Logger log = LoggerFactory.getLogger(RequestInterceptor.class);
    /** How long a publish may wait for the copies stored beside it; past it the sender gets an error and resends. */
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(10);
    private static final String NOT_STORED = "the server could not store the message; send it again";

    private final int maxPayloadBytes;
    private final Codec codec;
    private final RequestRoutes routes;
    private final CrossNode crossNode;
    private final Refusals refusals;
    private final ChatMetrics metrics;
    private final RequestRateLimiter rateLimiter;
    private final RequestRateLimiter groupRateLimiter;
    private final ActivityTracker activity;
    private final ViolationDisconnects violations;

    /**
     * @param rateLimiter      every request of a user
     * @param groupRateLimiter group messages of a user, on top: each costs a delivery per member
     * @param clients          the broker's client service, to disconnect an MQTT 5 client that published outside the
     *                         protocol
     * @param scheduler        where that disconnect is scheduled, a moment after the refusing PUBACK
     * @param crossNode        forwards a routed publish for a user homed on another node there
     */
    public RequestInterceptor(int maxPayloadBytes, RequestRateLimiter rateLimiter, RequestRateLimiter groupRateLimiter,
                              ErrorReplyBudget errorReplies, Codec codec, Outbox outbox, ChatMetrics metrics,
                              ActivityTracker activity, RequestRoutes routes, Clock clock, ClientService clients,
                              ScheduledExecutorService scheduler, CrossNode crossNode) {
        this.crossNode = crossNode;
        this.violations = new ViolationDisconnects(clients, scheduler);
        this.maxPayloadBytes = maxPayloadBytes;
        this.rateLimiter = rateLimiter;
        this.groupRateLimiter = groupRateLimiter;
        this.codec = codec;
        this.routes = routes;
        this.refusals = new Refusals(outbox, metrics, errorReplies, clock);
        this.metrics = metrics;
        this.activity = activity;
    }

    @Override
    public void onInboundPublish(PublishInboundInput input, PublishInboundOutput output) {
        ModifiablePublishPacket publish = output.getPublishPacket();
        String topic = publish.getTopic();
        Optional<DeviceAddress> sender = DeviceAddress.parse(input.getClientInformation().getClientId());
        Optional<Topics.Request> target = Topics.Request.parse(topic);
        if (sender.isEmpty() || target.isEmpty()) {
            metrics.permissionDenials().inc();
            String reason = "publish only to request topics such as " + Topics.send("{user}") + ", see the protocol";
            output.preventPublishDelivery(AckReasonCode.NOT_AUTHORIZED, reason);
            violations.violated(input.getClientInformation().getClientId(),
                    input.getConnectionInformation().getMqttVersion(), reason);
            return;
        }
        activity.active(sender.get().clientId());
        Request request = new Request(sender.get(), input.getConnectionInformation().getMqttVersion(), topic, target.get());
        byte[] payload = payloadOf(publish);
        try {
            if (payload.length > maxPayloadBytes) {
                throw new ProtocolException(ErrorCode.TOO_LARGE,
                        "payload has " + payload.length + " bytes, the limit is " + maxPayloadBytes);
            }
            if (!rateLimiter.tryAcquire(sender.get().user())
                    || target.get().action() == Topics.Request.Action.SEND_GROUP
                    && !groupRateLimiter.tryAcquire(sender.get().user())) {
                if (isSignal(target.get())) {
                    // A typing signal is worth nothing late; dropping it quietly beats an error per keystroke.
                    output.preventPublishDelivery();
                    return;
                }
                throw new ProtocolException(ErrorCode.RATE_LIMITED, "too many requests: slow down and send again");
            }
            if (!target.get().targetIsValid()) {
                throw new ProtocolException(ErrorCode.INVALID_RECIPIENT, invalidTarget(target.get()));
            }
            Routed routed = routes.forAction(target.get().action()).route(request, output, payload);
            CompletableFuture<Boolean> storedElsewhere = crossNode.forwardIfRemote(output.getPublishPacket(),
                    routed.firstStored());
            if (!routed.deliverHere()) {
                // Acknowledged without delivery here: as if stored elsewhere (and by the other node, if it was).
                storedElsewhere = storedElsewhere.thenApply(elsewhere -> true);
            }
            if (PubackHold.needed(storedElsewhere)) {
                PubackHold.until(output, storedElsewhere, STORE_TIMEOUT, NOT_STORED, metrics.notStored()::inc);
            }
        } catch (ProtocolException problem) {
            refusals.refuse(request, output, problem, referenceOf(target.get(), payload));
        } catch (RuntimeException bug) {
            log.error("could not route a publish of client '{}' to '{}'", sender.get().clientId(), Printable.of(topic),
                    bug);
            refusals.refuse(request, output, new ProtocolException(ErrorCode.INVALID_ENVELOPE, "could not be routed"), null);
        }
    }

    /** What a refusal names: a message's id, or a group or history request's {@code ref}. */
    private String referenceOf(Topics.Request target, byte[] payload) {
        boolean request = target.action() == Topics.Request.Action.GROUP_ADMIN
                || target.action() == Topics.Request.Action.HISTORY;
        return (request ? codec.peekRef(payload) : codec.peekId(payload)).orElse(null);
    }

    private static boolean isSignal(Topics.Request target) {
        return target.action() == Topics.Request.Action.TYPING || target.action() == Topics.Request.Action.TYPING_GROUP;
    }

    private static String invalidTarget(Topics.Request target) {
        if (!target.action().targeted()) {
            return "this request topic takes no further levels";
        }
        return "'" + target.target() + "' is not a valid " + (target.action().toGroup() ? "group" : "user") + " id";
    }

    /** The payload's bytes; the broker's max packet size bounds them, so reading an oversized one is safe. */
    private static byte[] payloadOf(ModifiablePublishPacket publish) {
        ByteBuffer buffer = publish.getPayload().map(ByteBuffer::duplicate).orElse(ByteBuffer.allocate(0));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
