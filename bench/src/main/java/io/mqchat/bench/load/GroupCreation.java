package io.mqchat.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.Envelope;
import io.mqchat.protocol.ProtocolException;
import io.mqchat.protocol.Response;
import io.mqchat.protocol.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Creates an mqchat group the way an app does: a {@code create} request on {@code req/groups} (the creator joins
 * as admin), answered by the group-worker on the creator's {@code responses} topic.
 */
public final class GroupCreation {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Codec CODEC = new Codec();

    private GroupCreation() {
    }

    /**
     * Creates group {@code name} of the sending device's user and {@code members}; returns the group's id.
     *
     * @throws IllegalStateException when the group-worker refused or did not answer within {@code timeout}
     */
    public static String create(FanOutTraffic traffic, Device creator, String name, List<String> members,
                                Duration timeout) throws InterruptedException {
        String ref = "create-" + name;
        ObjectNode request = JSON.createObjectNode().put("v", 1).put("op", "create").put("name", name).put("ref", ref);
        ArrayNode list = request.putArray("members");
        members.forEach(list::add);
        creator.publish(Topics.groupRequests(), request.toString().getBytes(StandardCharsets.UTF_8))
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).join();
        long deadline = System.nanoTime() + timeout.toNanos();
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            byte[] payload = traffic.nextResponse(Duration.ofNanos(left));
            if (payload == null) {
                break;
            }
            Response response = decode(payload);
            if (response != null && ref.equals(response.ref())) {
                if (!response.ok()) {
                    throw new IllegalStateException("group " + name + " not created: " + response.code() + " "
                            + response.message());
                }
                return response.group().id();
            }
        }
        throw new IllegalStateException("no answer to the creation of group " + name + " within " + timeout);
    }

    private static Response decode(byte[] payload) {
        try {
            Envelope envelope = CODEC.decode(payload);
            return envelope instanceof Response r ? r : null;
        } catch (ProtocolException e) {
            return null;
        }
    }
}
