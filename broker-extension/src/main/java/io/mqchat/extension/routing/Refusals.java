package io.mqchat.extension.routing;

import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import com.hivemq.extension.sdk.api.packets.general.MqttVersion;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import io.mqchat.extension.limits.ErrorReplyBudget;
import io.mqchat.extension.metrics.ChatMetrics;
import io.mqchat.extension.outbox.Outbox;
import io.mqchat.protocol.ErrorCode;
import io.mqchat.protocol.ErrorReply;
import io.mqchat.protocol.ProtocolException;
import io.mqchat.protocol.Topics;
import java.time.Clock;

/**
 * Answers a request the broker will not carry out: an {@link ErrorReply} on the errors topic of the device that sent
 * it (only that device: a copy in every session of the user would multiply a flood's cost by its devices; all of them
 * only when the sender subscribes to nothing, as {@code mosquitto_pub} does), within the user's
 * {@link ErrorReplyBudget}, and for MQTT 5 an error PUBACK with the same code, which costs nothing durable.
 * MQTT 3.1.1 has no error PUBACK, and HiveMQ disconnects a 3.1.1 client whose publish is refused, so those get a
 * plain PUBACK and only the error message.
 */
final class Refusals {

    private final Outbox outbox;
    private final ChatMetrics metrics;
    private final ErrorReplyBudget budget;
    private final Clock clock;

    Refusals(Outbox outbox, ChatMetrics metrics, ErrorReplyBudget budget, Clock clock) {
        this.outbox = outbox;
        this.metrics = metrics;
        this.budget = budget;
        this.clock = clock;
    }

    void refuse(Request request, PublishInboundOutput output, ProtocolException problem, String ref) {
        metrics.requestsRefused().inc();
        if (budget.mayAnswer(request.sender().user(), problem.code())) {
            outbox.publishToClientOrAll(request.sender().clientId(), Topics.errors(request.sender().user()),
                    ErrorReply.of(problem, ref, request.topic(), clock.millis()));
        } else {
            metrics.errorRepliesWithheld().inc();
        }
        if (request.mqttVersion() == MqttVersion.V_5) {
            output.preventPublishDelivery(ackCode(problem.code()), problem.code().wireName() + ": " + problem.getMessage());
        } else {
            output.preventPublishDelivery();
        }
    }

    private static AckReasonCode ackCode(ErrorCode code) {
        return switch (code) {
            case INVALID_RECIPIENT -> AckReasonCode.TOPIC_NAME_INVALID;
            case TOO_LARGE, RATE_LIMITED -> AckReasonCode.QUOTA_EXCEEDED;
            case QOS_REQUIRED, UNAVAILABLE -> AckReasonCode.IMPLEMENTATION_SPECIFIC_ERROR;
            case NOT_ALLOWED, BLOCKED -> AckReasonCode.NOT_AUTHORIZED;
            default -> AckReasonCode.PAYLOAD_FORMAT_INVALID;
        };
    }
}
