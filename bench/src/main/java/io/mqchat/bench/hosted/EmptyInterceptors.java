package io.mqchat.bench.hosted;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.interceptor.puback.PubackInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.PublishInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.PublishOutboundInterceptor;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;

/**
 * An extension that registers, for every client, interceptors that do nothing on the three hooks mqchat's 1-1 chat
 * path uses per message (inbound PUBLISH, outbound PUBLISH, inbound PUBACK). Beside bare HiveMQ it measures what
 * HiveMQ's hand-off of each packet to the extension threads costs before the extension does anything.
 */
final class EmptyInterceptors implements ExtensionMain {

    private static final PublishInboundInterceptor INBOUND = (input, output) -> { };
    private static final PublishOutboundInterceptor OUTBOUND = (input, output) -> { };
    private static final PubackInboundInterceptor PUBACK = (input, output) -> { };

    static EmbeddedExtension extension() {
        return EmbeddedExtension.builder()
                .withId("bench-empty-interceptors")
                .withName("empty interceptors")
                .withVersion("1")
                .withExtensionMain(new EmptyInterceptors())
                .build();
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        Services.initializerRegistry().setClientInitializer((initializerInput, client) -> {
            client.addPublishInboundInterceptor(INBOUND);
            client.addPublishOutboundInterceptor(OUTBOUND);
            client.addPubackInboundInterceptor(PUBACK);
        });
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
    }
}
