package io.mqchat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.extension.config.JwtConfig;
import io.mqchat.extension.testing.PerClassBroker;
import io.mqchat.extension.testing.TestBroker;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The broker ends a connection when its token expires; the client then asks the app for a fresh token, reconnects
 * to its persistent session and misses nothing that was sent meanwhile.
 */
class TokenRenewalTest {

    /** No clock skew: a token of two seconds ends its connection two seconds later. */
    @RegisterExtension
    static final PerClassBroker broker = new PerClassBroker(config -> config.withJwt(
            new JwtConfig(TestBroker.SECRET, null, null, null, null, Duration.ZERO)));

    @Test
    void aDeviceWithShortLivedTokensReconnectsWithFreshOnesAndReceivesEveryMessage() throws InterruptedException {
        AtomicInteger tokensIssued = new AtomicInteger();
        try (TestDevice alice = TestDevice.of(broker.get(), "alice", "phone", () -> {
                 tokensIssued.incrementAndGet();
                 return broker.get().token("alice", Duration.ofSeconds(2));
             });
             TestDevice bob = TestDevice.online(broker.get(), "bob", "phone")) {
            TestDevice.await(alice.client.connect());

            Set<String> sent = new LinkedHashSet<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(Recorder.PATIENCE_SECONDS).toNanos();
            // Keep chatting until the first two tokens have run out and a third connection is up.
            while (tokensIssued.get() < 3 || !alice.client.isConnected()) {
                assertTrue(System.nanoTime() < deadline, "alice was not reconnected with fresh tokens; tokens issued: "
                        + tokensIssued.get());
                sent.add(bob.send("alice", "message " + sent.size()).id());
                Thread.sleep(100); // well within bob's rate limit
            }
            sent.add(bob.send("alice", "the last one").id());

            Set<String> received = new LinkedHashSet<>();
            while (received.size() < sent.size()) {
                received.add(alice.messages.next().id());
            }
            assertEquals(sent, received);
            assertTrue(alice.authFailures.isEmpty(), "an expired token is renewed, not reported as refused");
        }
    }
}
