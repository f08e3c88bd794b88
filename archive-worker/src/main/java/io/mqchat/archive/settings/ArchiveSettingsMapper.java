package io.mqchat.archive.settings;

import io.mqchat.archive.worker.BrokerLink;
import io.mqchat.config.Config;
import io.mqchat.config.ConfigException;
import io.mqchat.extension.config.JwtConfig;
import io.mqchat.extension.settings.ExtensionSettingsMapper;
import io.mqchat.media.settings.MediaSettings;
import io.mqchat.media.settings.MediaSettingsMapper;
import io.mqchat.mongodb.MongoKeys;
import io.mqchat.service.FeedKeys;
import io.mqchat.service.FeedSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Turns validated keys into settings, adding the rules that span keys. */
public final class ArchiveSettingsMapper {

    private ArchiveSettingsMapper() {
    }

    /** The component settings from a config whose schema includes {@link ArchiveKeys#SCHEMA}. */
    public static ArchiveSettings archive(Config config) {
        return new ArchiveSettings(config.get(ArchiveKeys.SWEEP_INTERVAL), config.get(ArchiveKeys.PAGE_MAX_BYTES),
                config.get(ArchiveKeys.EDIT_WINDOW), config.get(ArchiveKeys.DELETE_WINDOW),
                config.get(ArchiveKeys.CHANGE_WAIT));
    }

    /**
     * The standalone worker's settings from a config of schema {@link ArchiveKeys#STANDALONE}; a relative
     * {@code jwt.jwks-file} is read from the working directory.
     *
     * @throws ConfigException listing every problem: a missing MongoDB address or service token (a standalone worker
     *                         has no embedded store to fall back on and no secret to mint a token with), and, while
     *                         the media endpoint is on, a missing or unusable token key
     */
    public static WorkerSettings worker(Config config) {
        List<String> problems = new ArrayList<>();
        if (config.find(MongoKeys.MONGO_URI).isEmpty()) {
            problems.add(MongoKeys.MONGO_URI.name() + " (" + MongoKeys.MONGO_URI.envName()
                    + ") is required: a standalone archive-worker needs a MongoDB");
        }
        if (config.find(ArchiveKeys.SERVICE_TOKEN).isEmpty()) {
            problems.add(ArchiveKeys.SERVICE_TOKEN.name() + " (" + ArchiveKeys.SERVICE_TOKEN.envName()
                    + ") is required: the worker logs in to the broker with it");
        }
        String instance = config.get(ArchiveKeys.WORKER_INSTANCE);
        if (!BrokerLink.isValidInstance(instance)) {
            problems.add(ArchiveKeys.WORKER_INSTANCE.name() + ": \"" + instance + "\" is not a valid instance name "
                    + "(1-64 characters, no : / + # $ or whitespace)");
        }
        MediaSettings media = attempt(problems, () -> MediaSettingsMapper.media(config));
        JwtConfig jwt = jwt(config, media == null || media.enabled(), problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new WorkerSettings(archive(config), config.get(MongoKeys.MONGO_URI),
                config.get(MongoKeys.MONGO_DATABASE), config.get(FeedKeys.BROKER_HOST),
                config.get(FeedKeys.BROKER_PORT), config.get(ArchiveKeys.SERVICE_TOKEN), instance,
                FeedSettings.of(config), media, jwt);
    }

    /**
     * The media endpoint's token check, like the broker's: exactly one of the secret, a JWKS file, a JWKS URL. With
     * the endpoint off, nothing is required, but a key that is configured must still be a usable one.
     */
    private static JwtConfig jwt(Config config, boolean mediaOn, List<String> problems) {
        Optional<String> secret = config.find(ArchiveKeys.JWT_SECRET);
        if (secret.isEmpty() && !ExtensionSettingsMapper.usesJwks(config)) {
            if (mediaOn) {
                problems.add(ArchiveKeys.JWT_SECRET.name() + " (" + ArchiveKeys.JWT_SECRET.envName() + ") is required, "
                        + "or jwt.jwks-file / jwt.jwks-url: the media endpoint verifies users' tokens with the "
                        + "broker's key (media.port=0 turns the endpoint off)");
            }
            return null;
        }
        // A relative jwt.jwks-file stays relative to the working folder, as it always was for this worker.
        return ExtensionSettingsMapper.jwt(config, secret.orElse(null), Path.of(""), problems);
    }

    /** Turns a settings record's own check into a problem, so that the user sees every problem at once. */
    private static <T> T attempt(List<String> problems, Supplier<T> construct) {
        try {
            return construct.get();
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return null;
        }
    }
}
