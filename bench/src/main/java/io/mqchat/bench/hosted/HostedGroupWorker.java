package io.mqchat.bench.hosted;

import io.mqchat.extension.auth.TokenMinter;
import io.mqchat.groups.settings.FanoutLimit;
import io.mqchat.groups.settings.GroupSettings;
import io.mqchat.groups.store.MongoGroupStore;
import io.mqchat.groups.worker.BrokerLink;
import io.mqchat.groups.worker.GroupWorker;
import io.mqchat.privacy.MongoPrivacyStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * One group-worker instance beside the mqchat broker under test, in the broker's process, wired as the all-in-one
 * server wires it: the embedded MongoDB-wire store, a service token of its own, and an MQTT connection to the
 * broker on loopback. Its CPU is therefore part of the broker process's. Like the broker's rate limit, the worker's
 * fan-out budget per sender is raised out of the way unless the scenario measures it (the flood scenario).
 */
final class HostedGroupWorker {

    private static final Duration TOKEN_TTL = Duration.ofHours(12);
    /** Effectively unlimited: the group fan-out scenario's one sender measures the fan-out, not the budget. */
    static final FanoutLimit BENCHMARK_FANOUT = new FanoutLimit(1_000_000_000, 1_000_000_000);

    private HostedGroupWorker() {
    }

    /**
     * Starts the store in {@code dataFolder} and a worker connected to the broker on {@code port}; blocks until
     * the worker's sessions are subscribed; with {@code serverLimits}, the worker's default fan-out budget stays in
     * force. Closing the result stops the worker, then the store.
     */
    static AutoCloseable start(Path dataFolder, int port, String secret, int maxMembers, boolean serverLimits) {
        return HostedMongo.start(dataFolder, client -> {
            GroupSettings limited = GroupSettings.defaults().withMaxMembers(maxMembers);
            GroupSettings settings = serverLimits ? limited : limited.withFanout(BENCHMARK_FANOUT);
            MongoGroupStore store = new MongoGroupStore(client.getDatabase(settings.database()), maxMembers);
            TokenMinter minter = new TokenMinter(secret, Clock.systemUTC());
            GroupWorker worker = new GroupWorker(settings, Clock.systemUTC(), store,
                    new MongoPrivacyStore(client.getDatabase(settings.database())),
                    new BrokerLink("127.0.0.1", port, "1", () -> minter.mintService(GroupWorker.SERVICE, TOKEN_TTL)));
            worker.start();
            return worker;
        });
    }
}
