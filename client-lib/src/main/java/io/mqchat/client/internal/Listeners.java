package io.mqchat.client.internal;

import io.mqchat.client.AuthenticationException;
import io.mqchat.client.DeliveryReceipt;
import io.mqchat.client.Message;
import io.mqchat.client.QueueOverflow;
import io.mqchat.client.ReadReceipt;
import io.mqchat.client.ServerError;
import java.util.Objects;
import java.util.function.Consumer;

/** The app's listeners, one per kind of event; absent ones are no-ops. */
public record Listeners(Consumer<Message> messages,
                        Consumer<DeliveryReceipt> delivered,
                        Consumer<ReadReceipt> read,
                        Consumer<ServerError> errors,
                        Consumer<QueueOverflow> overflows,
                        Consumer<AuthenticationException> authenticationFailures) {

    public Listeners {
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(delivered, "delivered");
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(errors, "errors");
        Objects.requireNonNull(overflows, "overflows");
        Objects.requireNonNull(authenticationFailures, "authenticationFailures");
    }

    public static Listeners none() {
        return new Listeners(m -> { }, d -> { }, r -> { }, e -> { }, o -> { }, a -> { });
    }

    public Listeners withMessages(Consumer<Message> listener) {
        return new Listeners(listener, delivered, read, errors, overflows, authenticationFailures);
    }

    public Listeners withDelivered(Consumer<DeliveryReceipt> listener) {
        return new Listeners(messages, listener, read, errors, overflows, authenticationFailures);
    }

    public Listeners withRead(Consumer<ReadReceipt> listener) {
        return new Listeners(messages, delivered, listener, errors, overflows, authenticationFailures);
    }

    public Listeners withErrors(Consumer<ServerError> listener) {
        return new Listeners(messages, delivered, read, listener, overflows, authenticationFailures);
    }

    public Listeners withOverflows(Consumer<QueueOverflow> listener) {
        return new Listeners(messages, delivered, read, errors, listener, authenticationFailures);
    }

    public Listeners withAuthenticationFailures(Consumer<AuthenticationException> listener) {
        return new Listeners(messages, delivered, read, errors, overflows, listener);
    }
}
