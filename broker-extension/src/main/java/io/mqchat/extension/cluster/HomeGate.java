package io.mqchat.extension.cluster;

import com.hivemq.extension.sdk.api.client.parameter.Listener;
import io.mqchat.protocol.DeviceAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Decides whether a user's device may connect to this node, or belongs on the user's home node. */
public interface HomeGate {

    /** Whether {@code device}, arriving through {@code listener}, is served here; may complete later. */
    CompletableFuture<Decision> admit(DeviceAddress device, Optional<Listener> listener);

    /** One node: every device is served here, at once. */
    static HomeGate singleNode() {
        CompletableFuture<Decision> admitted = CompletableFuture.completedFuture(new Decision.Serve());
        return (device, listener) -> admitted;
    }

    /** What to do with a connecting device. */
    sealed interface Decision {

        /** This node is the user's home: serve the device. */
        record Serve() implements Decision {
        }

        /**
         * The user lives on another live node.
         *
         * @param node      the home node's id
         * @param reference its address for the device's transport, the MQTT 5 server reference
         */
        record Redirect(String node, String reference) implements Decision {
            public Redirect {
                Objects.requireNonNull(node, "node");
                Objects.requireNonNull(reference, "reference");
            }
        }
    }
}
