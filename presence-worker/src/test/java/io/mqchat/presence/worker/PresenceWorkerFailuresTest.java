package io.mqchat.presence.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.extension.testing.MqttDevice;
import io.mqchat.extension.testing.PerClassBroker;
import io.mqchat.presence.store.RedisPresenceStore;
import io.mqchat.presence.testing.PresenceWatcher;
import io.mqchat.presence.testing.RedisFixture;
import io.mqchat.presence.testing.Workers;
import io.mqchat.protocol.Presence;
import io.mqchat.protocol.Topics;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The presence-worker when things fail or scale: Redis down for a while (acceptance 6), no worker running, two
 * instances sharing the load (acceptance 7) and a broker restart. Tests use their own users on one broker.
 */
class PresenceWorkerFailuresTest {

    /**
     * Generous: the whole class takes seconds. Twice (once in CI) the last event of a lane was not applied within
     * 15 s and could not be reproduced in 60 runs since; the failure messages now carry the store's state and the
     * feeds' lag, so the next one says whether the event was lost or late.
     */
    private static final Duration ARRIVES = Duration.ofSeconds(30);

    @RegisterExtension
    static final PerClassBroker BROKER = new PerClassBroker();
    @TempDir
    static Path folder;
    private static RedisFixture redis;

    @BeforeAll
    static void startRedis() {
        redis = RedisFixture.start(folder);
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @Test
    void presenceConvergesAfterRedisWasDownAndChatKeepsWorkingMeanwhile() throws IOException, InterruptedException {
        try (PresenceWorker worker = Workers.start(BROKER.get(), redis);
             PresenceWatcher alice = PresenceWatcher.connect(BROKER.get(), "alice6", "phone", "bob6", "carol6");
             MqttDevice bobPhone = MqttDevice.v5(BROKER.get(), "bob6", "phone")) {
            alice.await("bob6", p -> Boolean.TRUE.equals(p.online()), ARRIVES);

            redis.server().stop();
            MqttDevice bobLaptop = MqttDevice.v5(BROKER.get(), "bob6", "laptop");
            bobPhone.close();
            bobLaptop.close();
            MqttDevice carol = MqttDevice.v5(BROKER.get(), "carol6", "phone");
            try (MqttDevice dave = MqttDevice.v5(BROKER.get(), "dave6", "phone")) {
                carol.publish(Topics.send("dave6"), "{\"v\":1,\"type\":\"text\",\"id\":\"m1\",\"body\":\"still here?\"}");
                assertTrue(dave.next(Topics.inbox("dave6")).payload().contains("still here?"), "chat unaffected");
            }

            redis.server().start();
            Presence bob = alice.await("bob6", p -> Boolean.FALSE.equals(p.online()), ARRIVES);
            assertTrue(bob.lastSeen() != null);
            alice.await("carol6", p -> Boolean.TRUE.equals(p.online()), ARRIVES);
            RedisPresenceStore store = new RedisPresenceStore(redis.jedis());
            awaitTrue(() -> store.connectedDevices("bob6").isEmpty(), "bob6 has no device");
            awaitTrue(() -> store.connectedDevices("carol6").equals(Set.of("phone")), "carol6 has her phone");
            carol.close();
            alice.await("carol6", p -> Boolean.FALSE.equals(p.online()), ARRIVES);
        }
    }

    @Test
    void eventsWhileNoWorkerRunsAreAppliedWhenOneStarts() throws InterruptedException {
        Workers.start(BROKER.get(), redis).close();
        try (PresenceWatcher alice = PresenceWatcher.connect(BROKER.get(), "alice7", "phone", "bob7")) {
            MqttDevice bob = MqttDevice.v5(BROKER.get(), "bob7", "phone");
            MqttDevice laptop = MqttDevice.v5(BROKER.get(), "bob7", "laptop");
            bob.close();
            try (PresenceWorker worker = Workers.start(BROKER.get(), redis)) {
                alice.await("bob7", p -> Boolean.TRUE.equals(p.online()), ARRIVES);
                RedisPresenceStore store = new RedisPresenceStore(redis.jedis());
                awaitTrue(() -> store.connectedDevices("bob7").equals(Set.of("laptop")), "bob7 has just the laptop");
                laptop.close();
                alice.await("bob7", p -> Boolean.FALSE.equals(p.online()), ARRIVES);
            }
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        awaitTrue(condition, () -> what);
    }

    private static void awaitTrue(BooleanSupplier condition, Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + ARRIVES.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + ARRIVES + ": " + what.get());
            }
            Thread.sleep(50);
        }
    }

    @Test
    void twoWorkerInstancesShareTheLoadAndTheStateStaysRight() throws InterruptedException {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            users.add("user9-" + i);
        }
        try (PresenceWorker one = Workers.start(BROKER.get(), redis, "0-7");
             PresenceWorker two = Workers.start(BROKER.get(), redis, "8-15");
             PresenceWatcher alice = PresenceWatcher.connect(BROKER.get(), "alice9", "phone",
                     users.toArray(String[]::new))) {
            long appliedBefore = one.appliedEvents() + two.appliedEvents();
            List<MqttDevice> stillConnected = new ArrayList<>();
            Set<String> online = new HashSet<>();
            for (int i = 0; i < users.size(); i++) {
                String user = users.get(i);
                MqttDevice phone = MqttDevice.v5(BROKER.get(), user, "phone");
                MqttDevice laptop = MqttDevice.v5(BROKER.get(), user, "laptop");
                phone.close();
                if (i % 2 == 0) {
                    laptop.close();
                } else {
                    stillConnected.add(laptop);
                    online.add(user);
                }
            }
            for (String user : users) {
                boolean expected = online.contains(user);
                try {
                    alice.await(user, p -> p.online() == expected, ARRIVES);
                } catch (AssertionError e) {
                    RedisPresenceStore store = new RedisPresenceStore(redis.jedis());
                    throw new AssertionError(e.getMessage() + "; the store has " + store.connectedDevices(user) + ", "
                            + store.read(user) + "; lag " + lags(one) + " / " + lags(two), e);
                }
            }
            RedisPresenceStore store = new RedisPresenceStore(redis.jedis());
            for (String user : users) {
                Set<String> devices = online.contains(user) ? Set.of("laptop") : Set.of();
                awaitTrue(() -> store.connectedDevices(user).equals(devices) && !store.read(user).unpublished(),
                        () -> user + " has " + devices + ", published; has " + store.connectedDevices(user) + ", "
                                + store.read(user) + "; lag " + lags(one) + " / " + lags(two));
                assertEquals(online.contains(user), store.read(user).online(), user);
            }
            try (PresenceWatcher carol = PresenceWatcher.connect(BROKER.get(), "carol9", "phone",
                    users.toArray(String[]::new))) {
                for (String user : users) {
                    assertEquals(online.contains(user), carol.next(user, ARRIVES).orElseThrow().online(),
                            "retained presence of " + user);
                }
            }
            assertTrue(one.appliedEvents() > 0 && two.appliedEvents() > 0,
                    "both instances applied events: " + one.appliedEvents() + " and " + two.appliedEvents());
            System.out.println("measured: events applied by instance 1 / 2: " + one.appliedEvents() + " / "
                    + two.appliedEvents() + " of " + (one.appliedEvents() + two.appliedEvents() - appliedBefore));
            stillConnected.forEach(MqttDevice::close);
        }
    }

    private static String lags(PresenceWorker worker) {
        return worker.feeds().stream().map(feed -> feed.feed() + " " + feed.lag().toMillis() + " ms").toList().toString();
    }

    @Test
    void aBrokerRestartTakesEveryDeviceOfTheOldRunOffline() throws InterruptedException {
        try (PresenceWorker worker = Workers.start(BROKER.get(), redis)) {
            MqttDevice bob = MqttDevice.v5(BROKER.get(), "bob10", "phone");
            try (PresenceWatcher alice = PresenceWatcher.connect(BROKER.get(), "alice10", "phone", "bob10")) {
                alice.await("bob10", p -> Boolean.TRUE.equals(p.online()), ARRIVES);
            }
            BROKER.restart();
            try (PresenceWatcher alice = PresenceWatcher.connect(BROKER.get(), "alice10", "tablet", "bob10")) {
                alice.await("bob10", p -> Boolean.FALSE.equals(p.online()), ARRIVES);
            }
            RedisPresenceStore store = new RedisPresenceStore(redis.jedis());
            awaitTrue(() -> store.connectedDevices("bob10").isEmpty(), "bob10 has no device");
            bob.close();
        }
    }
}
