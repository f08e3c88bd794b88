package io.mqchat.groups.settings;

import io.mqchat.config.Config;
import io.mqchat.config.ConfigException;
import io.mqchat.mongodb.MongoKeys;
import io.mqchat.protocol.UserIds;
import io.mqchat.service.FeedKeys;
import io.mqchat.service.FeedSettings;
import java.util.ArrayList;
import java.util.List;

/** Turns validated keys into settings, adding the rules that span keys. */
public final class GroupSettingsMapper {

    private GroupSettingsMapper() {
    }

    /** The component settings from a config whose schema includes {@link GroupKeys#SCHEMA}. */
    public static GroupSettings groups(Config config) {
        try {
            return new GroupSettings(config.find(MongoKeys.MONGO_URI).orElse(null),
                    config.get(MongoKeys.MONGO_DATABASE), config.get(GroupKeys.MAX_MEMBERS),
                    config.get(GroupKeys.CACHE_TTL), config.get(GroupKeys.ANSWER_MAX_BYTES),
                    new FanoutLimit(config.get(GroupKeys.FANOUT_PER_SECOND), config.get(GroupKeys.FANOUT_BURST)));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(List.of(e.getMessage()));
        }
    }

    /**
     * The standalone worker's settings from a config of schema {@link GroupKeys#STANDALONE}.
     *
     * @throws ConfigException when the MongoDB address or the service token is missing: a standalone worker has
     *                         no embedded store to fall back on and no secret to mint a token with
     */
    public static WorkerSettings worker(Config config) {
        List<String> problems = new ArrayList<>();
        if (config.find(MongoKeys.MONGO_URI).isEmpty()) {
            problems.add(MongoKeys.MONGO_URI.name() + " (" + MongoKeys.MONGO_URI.envName()
                    + ") is required: a standalone group-worker needs a MongoDB");
        }
        if (config.find(GroupKeys.SERVICE_TOKEN).isEmpty()) {
            problems.add(GroupKeys.SERVICE_TOKEN.name() + " (" + GroupKeys.SERVICE_TOKEN.envName()
                    + ") is required: the worker logs in to the broker with it");
        }
        String instance = config.get(GroupKeys.WORKER_INSTANCE);
        if (!UserIds.isValidDeviceId(instance)) {
            problems.add(GroupKeys.WORKER_INSTANCE.name() + ": \"" + instance + "\" is not a valid instance name "
                    + "(1-64 characters, no : / + # $ or whitespace)");
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new WorkerSettings(groups(config), config.get(FeedKeys.BROKER_HOST), config.get(FeedKeys.BROKER_PORT),
                config.get(GroupKeys.SERVICE_TOKEN), instance,
                FeedSettings.of(config));
    }
}
