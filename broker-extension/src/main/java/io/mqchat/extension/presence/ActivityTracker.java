package io.mqchat.extension.presence;

import com.hivemq.extension.sdk.api.interceptor.pingreq.PingReqInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.pingreq.parameter.PingReqInboundInput;
import com.hivemq.extension.sdk.api.interceptor.pingreq.parameter.PingReqInboundOutput;
import java.time.Clock;

/**
 * Records device activity: every request publish and every keep-alive ping. Feeds the connection's last
 * activity (what lastSeen becomes) and the throttled activity events.
 */
public final class ActivityTracker implements PingReqInboundInterceptor {

    private final Connections connections;
    private final PresenceEvents events;
    private final Clock clock;

    public ActivityTracker(Connections connections, PresenceEvents events, Clock clock) {
        this.connections = connections;
        this.events = events;
        this.clock = clock;
    }

    public void active(String clientId) {
        connections.touch(clientId, clock.millis())
                .ifPresent(connection -> events.active(connection, connections.brokerRun()));
    }

    @Override
    public void onInboundPingReq(PingReqInboundInput input, PingReqInboundOutput output) {
        active(input.getClientInformation().getClientId());
    }
}
