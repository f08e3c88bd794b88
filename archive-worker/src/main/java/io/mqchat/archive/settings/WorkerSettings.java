package io.mqchat.archive.settings;

import java.util.Objects;

/**
 * How a standalone archive-worker reaches MongoDB and the broker, and the component settings it runs with.
 *
 * @param archive      the component settings
 * @param mongoUri     the MongoDB connection string
 * @param database     the database of the archive's collections
 * @param brokerHost   the broker's host
 * @param brokerPort   the broker's MQTT port
 * @param serviceToken the worker's service token
 * @param instance     this instance's name, unique among the archive-workers
 */
public record WorkerSettings(ArchiveSettings archive, String mongoUri, String database, String brokerHost,
                             int brokerPort, String serviceToken, String instance) {

    public WorkerSettings {
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(mongoUri, "mongoUri");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(brokerHost, "brokerHost");
        Objects.requireNonNull(serviceToken, "serviceToken");
        Objects.requireNonNull(instance, "instance");
    }

    @Override
    public String toString() {
        return "WorkerSettings[archive=" + archive + ", database=" + database + ", broker=" + brokerHost + ":"
                + brokerPort + ", instance=" + instance + "]";
    }
}
