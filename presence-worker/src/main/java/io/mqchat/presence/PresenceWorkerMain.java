package io.mqchat.presence;

import io.mqchat.config.Config;
import io.mqchat.config.ConfigException;
import io.mqchat.config.ConfigFileLocator;
import io.mqchat.config.ConfigLoader;
import io.mqchat.presence.settings.BrokerConnectionSettings;
import io.mqchat.presence.settings.PresenceKeys;
import io.mqchat.presence.settings.PresenceSettingsMapper;
import io.mqchat.presence.settings.PresenceSettingsMapper.StandaloneSettings;
import io.mqchat.presence.worker.PresenceWorker;
import io.mqchat.service.ServiceConnection;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The standalone presence-worker process: {@code [--config FILE]}, else {@code $MQCHAT_CONFIG}, else
 * {@code ./mqchat.properties} if present, plus {@code MQCHAT_*} environment overrides. Runs until SIGTERM or
 * Ctrl-C, then stops cleanly with exit code 0. Exit code 2 means a configuration problem, 1 a failed start.
 */
public final class PresenceWorkerMain {

    private PresenceWorkerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> env = System.getenv();
        StandaloneSettings settings;
        try {
            Path file = ConfigFileLocator.locate(explicitConfig(args), env, Path.of("")).orElse(null);
            Config config = new ConfigLoader(PresenceKeys.STANDALONE_SCHEMA).load(file, env);
            settings = PresenceSettingsMapper.mapStandalone(config);
        } catch (ConfigException | IllegalArgumentException e) {
            System.err.println("mqchat presence-worker: " + e.getMessage());
            System.exit(2);
            return;
        }
        Termination termination = Termination.install();
        BrokerConnectionSettings broker = settings.broker();
        ServiceConnection connection = ServiceConnection.builder()
                .host(broker.host()).port(broker.port())
                .clientId(PresenceWorker.clientId(broker.instance()))
                .token(broker::token)
                .build();
        PresenceWorker worker = new PresenceWorker(settings.presence(), connection, Clock.systemUTC());
        try {
            worker.start();
        } catch (RuntimeException e) {
            System.err.println("mqchat presence-worker: cannot start: " + e.getMessage());
            worker.close();
            System.exit(1);
            return;
        }
        System.out.println("mqchat presence-worker ready: broker " + broker.host() + ":" + broker.port()
                + " as " + connection.clientId() + ", redis " + settings.presence().redis().orElseThrow()
                + ", notifications " + settings.presence().notifications().webhook()
                        .map(webhook -> "webhook " + webhook.url()).orElse("log"));
        termination.await();
        worker.close();
        // The MQTT client's event-loop thread is not a daemon and outlives the disconnect by a while.
        System.exit(0);
    }

    private static Path explicitConfig(String[] args) {
        if (args.length == 0) {
            return null;
        }
        if (args.length == 2 && args[0].equals("--config")) {
            return Path.of(args[1]);
        }
        throw new IllegalArgumentException("usage: presence-worker [--config FILE]");
    }
}
