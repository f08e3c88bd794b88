package io.mqchat.presence.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.JedisPooled;

/** A {@code kill -9} of the JVM takes its redis-server down too, and loses no acknowledged write. */
class EmbeddedRedisParentDeathTest {

    private static final int WRITES_BEFORE_THE_KILL = 500;

    @TempDir
    Path dataDir;

    @Test
    void theRedisServerEndsAfterItsJvmIsKilledAndEveryAcknowledgedWriteIsKept() throws Exception {
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                WritesUntilKilled.class.getName(), dataDir.toString())
                .redirectErrorStream(true)
                .start();
        int lastAcked = -1;
        List<String> otherOutput = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while (lastAcked < WRITES_BEFORE_THE_KILL && (line = out.readLine()) != null) {
                lastAcked = parse(line, lastAcked, otherOutput);
            }
            assertTrue(lastAcked >= WRITES_BEFORE_THE_KILL, "the child JVM wrote; its output: " + otherOutput);

            // SIGKILL mid-writes: no shutdown hook runs. Writes acknowledged after the last line read are not checked.
            jvm.destroyForcibly();
            jvm.waitFor();
            assertTrue(RedisProcesses.awaitNone(dataDir), "the redis-server of the folder ended with its JVM");
        } finally {
            jvm.destroyForcibly();
            RedisProcesses.kill(dataDir);
        }

        try (EmbeddedRedis redis = EmbeddedRedis.start(dataDir, 0);
             JedisPooled jedis = new JedisPooled(redis.host(), redis.port(), null, redis.password())) {
            for (int i = 0; i <= lastAcked; i++) {
                assertEquals("value:" + i, jedis.get("key:" + i), "acknowledged write " + i + " of " + lastAcked);
            }
        }
    }

    private static int parse(String line, int lastAcked, List<String> otherOutput) {
        if (line.startsWith("acked ")) {
            return Integer.parseInt(line.substring("acked ".length()));
        }
        otherOutput.add(line);
        return lastAcked;
    }
}
