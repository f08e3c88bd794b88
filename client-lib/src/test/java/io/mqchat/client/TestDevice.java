package io.mqchat.client;

import io.mqchat.extension.testing.TestBroker;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** One user's device running the client library against a test broker, with everything it receives recorded. */
final class TestDevice implements AutoCloseable {

    final MqchatClient client;
    final Recorder<Message> messages;
    final Recorder<DeliveryReceipt> delivered;
    final Recorder<ReadReceipt> reads;
    final Recorder<ServerError> errors;
    final Recorder<MessageChanged> changes;
    final Recorder<AuthenticationException> authFailures;

    private TestDevice(TestBroker broker, String user, String device, Supplier<String> token,
                       Consumer<MqchatClientBuilder> customize) {
        String name = user + ":" + device;
        messages = new Recorder<>(name + " messages");
        delivered = new Recorder<>(name + " delivered receipts");
        reads = new Recorder<>(name + " read receipts");
        errors = new Recorder<>(name + " errors");
        changes = new Recorder<>(name + " message changes");
        authFailures = new Recorder<>(name + " authentication failures");
        MqchatClientBuilder builder = MqchatClient.builder()
                .serverHost(broker.host())
                .serverPort(broker.port())
                .user(user)
                .device(device)
                .token(token)
                // Short backoff so that a restarted test broker is found again promptly.
                .reconnectDelay(Duration.ofMillis(100), Duration.ofSeconds(1))
                // Most tests' brokers have no archive behind them: a catch-up would wait for an answer in vain.
                // Tests of history and catch-up turn it on.
                .catchUp(false)
                .onMessage(messages)
                .onDelivered(delivered)
                .onRead(reads)
                .onError(errors)
                .onChange(changes)
                .onAuthenticationFailed(authFailures);
        customize.accept(builder);
        client = builder.build();
    }

    /** A device that is not connected yet. */
    static TestDevice of(TestBroker broker, String user, String device, Supplier<String> token) {
        return new TestDevice(broker, user, device, token, builder -> { });
    }

    /** A connected device with a valid token. */
    static TestDevice online(TestBroker broker, String user, String device) {
        String token = broker.token(user);
        TestDevice created = of(broker, user, device, () -> token);
        await(created.client.connect());
        return created;
    }

    /** A connected device whose builder {@code customize} adjusted, e.g. with listeners of the test's own. */
    static TestDevice online(TestBroker broker, String user, String device, Consumer<MqchatClientBuilder> customize) {
        String token = broker.token(user);
        TestDevice created = new TestDevice(broker, user, device, () -> token, customize);
        await(created.client.connect());
        return created;
    }

    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(Recorder.PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("future did not complete normally", e);
        }
    }

    /** The failure a future completes with; fails the test if it completes normally. */
    static Throwable failureOf(CompletableFuture<?> future) {
        try {
            future.get(Recorder.PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError("future did not complete", e);
        }
        throw new AssertionError("future completed normally, but a failure was expected");
    }

    SentMessage send(String to, String text) {
        return await(client.send(to, text));
    }

    @Override
    public void close() {
        client.close();
    }
}
