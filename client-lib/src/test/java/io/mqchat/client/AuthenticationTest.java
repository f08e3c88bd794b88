package io.mqchat.client;

import static io.mqchat.client.TestDevice.failureOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import io.mqchat.extension.auth.TokenMinter;
import io.mqchat.extension.testing.PerClassBroker;
import io.mqchat.extension.testing.TestBroker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A refused token fails the connect and stops the client, instead of reconnecting forever: with automatic
 * reconnect and no such rule, connect() would never complete and these tests would run into their time bound.
 */
class AuthenticationTest {

    @RegisterExtension
    static final PerClassBroker broker = new PerClassBroker();


    @Test
    void aGarbageTokenFailsConnectWithAnAuthenticationException() {
        try (TestDevice alice = TestDevice.of(broker.get(), "alice", "phone", () -> "not-a-jwt")) {
            Throwable failure = failureOf(alice.client.connect());

            AuthenticationException refused = assertInstanceOf(AuthenticationException.class, failure);
            assertEquals(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD, refused.reasonCode());
            assertTrue(refused.reasonString().isPresent(), "the server's reason reaches the app");
            assertEquals(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD, alice.authFailures.next().reasonCode());
            assertFalse(alice.client.isConnected());
        }
    }

    @Test
    void anExpiredTokenFailsConnectWithAnAuthenticationException() {
        Clock twoHoursAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
        String expired = new TokenMinter(TestBroker.SECRET, twoHoursAgo).mint("alice", Duration.ofHours(1));
        try (TestDevice alice = TestDevice.of(broker.get(), "alice", "tablet", () -> expired)) {
            Throwable failure = failureOf(alice.client.connect());

            AuthenticationException refused = assertInstanceOf(AuthenticationException.class, failure);
            assertEquals(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD, refused.reasonCode());
        }
    }

    @Test
    void anotherUsersTokenFailsConnectWithAnAuthenticationException() {
        String bobsToken = broker.get().token("bob");
        try (TestDevice mallory = TestDevice.of(broker.get(), "alice", "laptop", () -> bobsToken)) {
            Throwable failure = failureOf(mallory.client.connect());

            AuthenticationException refused = assertInstanceOf(AuthenticationException.class, failure);
            assertEquals(Mqtt5ConnAckReasonCode.NOT_AUTHORIZED, refused.reasonCode());
        }
    }

    @Test
    void aReconnectAsksForAFreshTokenAndStopsWhenTheServerRefusesIt() {
        String valid = broker.get().token("carol");
        AtomicInteger asked = new AtomicInteger();
        // The first token is good, every later one is refused.
        try (TestDevice first = TestDevice.of(broker.get(), "carol", "phone",
                () -> asked.getAndIncrement() == 0 ? valid : "revoked")) {
            TestDevice.await(first.client.connect());

            // The same device connecting elsewhere takes the session over and drops the first connection,
            // which then reconnects with whatever token its supplier gives now.
            try (TestDevice takeover = TestDevice.online(broker.get(), "carol", "phone")) {
                AuthenticationException refused = first.authFailures.next();
                assertEquals(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD, refused.reasonCode());
                assertFalse(first.client.isConnected());
                assertEquals(2, asked.get());
            }
        }
    }
}
