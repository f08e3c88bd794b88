package io.mqchat.presence.embedded;

import java.nio.file.Path;
import redis.clients.jedis.JedisPooled;

/**
 * The main class of a child JVM: starts an EmbeddedRedis on the folder in {@code args[0]} and writes
 * {@code key:i = value:i} for i = 0, 1, ... until it is killed, printing {@code acked i} once redis replied.
 */
public final class WritesUntilKilled {

    private WritesUntilKilled() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedRedis redis = EmbeddedRedis.start(Path.of(args[0]), 0);
        try (JedisPooled jedis = new JedisPooled(redis.host(), redis.port(), null, redis.password())) {
            for (int i = 0; ; i++) {
                jedis.set("key:" + i, "value:" + i);
                System.out.println("acked " + i);
                // Nobody reads any more (the test is gone): stop rather than write forever.
                if (System.out.checkError()) {
                    System.exit(1);
                }
            }
        }
    }
}
