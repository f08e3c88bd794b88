package io.mqchat.presence.testing;

import io.mqchat.extension.testing.TestBroker;
import io.mqchat.presence.settings.NotifySettings;
import io.mqchat.presence.settings.PresenceSettings;
import io.mqchat.presence.settings.RedisAddress;
import io.mqchat.presence.worker.PresenceWorker;
import io.mqchat.service.ServiceConnection;
import java.time.Clock;
import java.util.Optional;

/** Starts real presence-workers against a test broker and a test Redis. */
public final class Workers {

    private Workers() {
    }

    /** Instance {@code instance} with the log sink, started. */
    public static PresenceWorker start(TestBroker broker, RedisFixture redis, String instance) {
        return start(broker, redis, instance, NotifySettings.defaults());
    }

    /** Instance {@code instance} with the given notification settings, started. */
    public static PresenceWorker start(TestBroker broker, RedisFixture redis, String instance, NotifySettings notify) {
        ServiceConnection connection = ServiceConnection.builder()
                .host(broker.host()).port(broker.port())
                .clientId(PresenceWorker.clientId(instance))
                .token(() -> broker.serviceToken(PresenceWorker.SERVICE))
                .build();
        PresenceSettings settings = new PresenceSettings(
                Optional.of(new RedisAddress(redis.server().host(), redis.server().port())), notify);
        PresenceWorker worker = new PresenceWorker(settings, connection, Clock.systemUTC());
        worker.start();
        return worker;
    }
}
