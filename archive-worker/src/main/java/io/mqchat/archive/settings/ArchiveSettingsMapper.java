package io.mqchat.archive.settings;

import io.mqchat.archive.worker.BrokerLink;
import io.mqchat.config.Config;
import io.mqchat.config.ConfigException;
import io.mqchat.groups.settings.GroupKeys;
import java.util.ArrayList;
import java.util.List;

/** Turns validated keys into settings, adding the rules that span keys. */
public final class ArchiveSettingsMapper {

    private ArchiveSettingsMapper() {
    }

    /** The component settings from a config whose schema includes {@link ArchiveKeys#SCHEMA}. */
    public static ArchiveSettings archive(Config config) {
        return new ArchiveSettings(config.get(ArchiveKeys.SWEEP_INTERVAL), config.get(ArchiveKeys.PAGE_MAX_BYTES));
    }

    /**
     * The standalone worker's settings from a config of schema {@link ArchiveKeys#STANDALONE}.
     *
     * @throws ConfigException when the MongoDB address or the service token is missing: a standalone worker has
     *                         no embedded store to fall back on and no secret to mint a token with
     */
    public static WorkerSettings worker(Config config) {
        List<String> problems = new ArrayList<>();
        if (config.find(GroupKeys.MONGO_URI).isEmpty()) {
            problems.add(GroupKeys.MONGO_URI.name() + " (" + GroupKeys.MONGO_URI.envName()
                    + ") is required: a standalone archive-worker needs a MongoDB");
        }
        if (config.find(ArchiveKeys.SERVICE_TOKEN).isEmpty()) {
            problems.add(ArchiveKeys.SERVICE_TOKEN.name() + " (" + ArchiveKeys.SERVICE_TOKEN.envName()
                    + ") is required: the worker logs in to the broker with it");
        }
        String instance = config.get(ArchiveKeys.WORKER_INSTANCE);
        if (!BrokerLink.isValidInstance(instance)) {
            problems.add(ArchiveKeys.WORKER_INSTANCE.name() + ": \"" + instance + "\" is not a valid instance name "
                    + "(1-59 characters, no : / + # $ or whitespace)");
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new WorkerSettings(archive(config), config.get(GroupKeys.MONGO_URI),
                config.get(GroupKeys.MONGO_DATABASE), config.get(GroupKeys.BROKER_HOST),
                config.get(GroupKeys.BROKER_PORT), config.get(ArchiveKeys.SERVICE_TOKEN), instance);
    }
}
