package io.mqchat.server.deployment;

/** The Redis and MongoDB images docker-compose.yml runs and the Testcontainers suite tests against. */
public final class RealStoresImages {

    public static final String REDIS = "redis:7.4-alpine";
    public static final String MONGO = "mongo:7.0";

    private RealStoresImages() {
    }
}
