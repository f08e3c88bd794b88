package io.mqchat.presence.testing;

import io.mqchat.extension.testing.TestBroker;
import io.mqchat.presence.settings.NotifySettings;
import io.mqchat.presence.settings.PresenceSettings;
import io.mqchat.presence.settings.RedisAddress;
import io.mqchat.presence.worker.PresenceWorker;
import io.mqchat.service.LaneSet;
import io.mqchat.service.ServiceConnection;
import java.time.Clock;
import java.util.Optional;

/** Starts real presence-workers against a test broker and a test Redis. */
public final class Workers {

    private Workers() {
    }

    /** The only instance (every lane) with the log sink, started. */
    public static PresenceWorker start(TestBroker broker, RedisFixture redis) {
        return start(broker, redis, "all", NotifySettings.defaults());
    }

    /** An instance owning {@code lanes} (as in {@code worker.lanes}) with the log sink, started. */
    public static PresenceWorker start(TestBroker broker, RedisFixture redis, String lanes) {
        return start(broker, redis, lanes, NotifySettings.defaults());
    }

    /** An instance owning {@code lanes} with the given notification settings, started. */
    public static PresenceWorker start(TestBroker broker, RedisFixture redis, String lanes, NotifySettings notify) {
        PresenceSettings settings = new PresenceSettings(
                Optional.of(new RedisAddress(redis.server().host(), redis.server().port(), redis.server().password())), notify);
        PresenceWorker worker = new PresenceWorker(settings, clientId -> ServiceConnection.builder()
                .host(broker.host()).port(broker.port()).clientId(clientId)
                .token(() -> broker.serviceToken(PresenceWorker.SERVICE)).build(),
                LaneSet.parse(lanes).orElseThrow(), Clock.systemUTC());
        worker.start();
        return worker;
    }
}
