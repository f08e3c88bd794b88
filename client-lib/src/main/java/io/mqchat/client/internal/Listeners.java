package io.mqchat.client.internal;

import io.mqchat.client.AuthenticationException;
import io.mqchat.client.DeliveryReceipt;
import io.mqchat.client.ExpiredMessage;
import io.mqchat.client.Message;
import io.mqchat.client.MessageChanged;
import io.mqchat.client.QueueOverflow;
import io.mqchat.client.ReadReceipt;
import io.mqchat.client.ServerError;
import io.mqchat.client.groups.GroupEvent;
import io.mqchat.client.groups.GroupMessageStatus;
import io.mqchat.client.presence.PresenceState;
import io.mqchat.client.typing.TypingSignal;
import java.util.Objects;
import java.util.function.Consumer;

/** The app's listeners, one per kind of event; absent ones are no-ops. */
public record Listeners(Consumer<Message> messages,
                        Consumer<DeliveryReceipt> delivered,
                        Consumer<ReadReceipt> read,
                        Consumer<ServerError> errors,
                        Consumer<QueueOverflow> overflows,
                        Consumer<AuthenticationException> authenticationFailures,
                        Consumer<PresenceState> presence,
                        Consumer<TypingSignal> typing,
                        Consumer<GroupEvent> groupEvents,
                        Consumer<GroupMessageStatus> groupMessageStatus,
                        Consumer<ExpiredMessage> expired,
                        Consumer<MessageChanged> changes) {

    public Listeners {
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(delivered, "delivered");
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(errors, "errors");
        Objects.requireNonNull(overflows, "overflows");
        Objects.requireNonNull(authenticationFailures, "authenticationFailures");
        Objects.requireNonNull(presence, "presence");
        Objects.requireNonNull(typing, "typing");
        Objects.requireNonNull(groupEvents, "groupEvents");
        Objects.requireNonNull(groupMessageStatus, "groupMessageStatus");
        Objects.requireNonNull(expired, "expired");
        Objects.requireNonNull(changes, "changes");
    }

    public static Listeners none() {
        return new Listeners(m -> { }, d -> { }, r -> { }, e -> { }, o -> { }, a -> { }, p -> { }, t -> { },
                g -> { }, s -> { }, x -> { }, c -> { });
    }

    public Listeners withMessages(Consumer<Message> listener) {
        return new Listeners(listener, delivered, read, errors, overflows, authenticationFailures, presence, typing,
                groupEvents, groupMessageStatus, expired, changes);
    }

    public Listeners withDelivered(Consumer<DeliveryReceipt> listener) {
        return new Listeners(messages, listener, read, errors, overflows, authenticationFailures, presence, typing,
                groupEvents, groupMessageStatus, expired, changes);
    }

    public Listeners withRead(Consumer<ReadReceipt> listener) {
        return new Listeners(messages, delivered, listener, errors, overflows, authenticationFailures, presence, typing,
                groupEvents, groupMessageStatus, expired, changes);
    }

    public Listeners withErrors(Consumer<ServerError> listener) {
        return new Listeners(messages, delivered, read, listener, overflows, authenticationFailures, presence, typing,
                groupEvents, groupMessageStatus, expired, changes);
    }

    public Listeners withOverflows(Consumer<QueueOverflow> listener) {
        return new Listeners(messages, delivered, read, errors, listener, authenticationFailures, presence, typing,
                groupEvents, groupMessageStatus, expired, changes);
    }

    public Listeners withAuthenticationFailures(Consumer<AuthenticationException> listener) {
        return new Listeners(messages, delivered, read, errors, overflows, listener, presence, typing,
                groupEvents, groupMessageStatus, expired, changes);
    }

    public Listeners withPresence(Consumer<PresenceState> listener) {
        return new Listeners(messages, delivered, read, errors, overflows, authenticationFailures, listener, typing,
                groupEvents, groupMessageStatus, expired, changes);
    }

    public Listeners withTyping(Consumer<TypingSignal> listener) {
        return new Listeners(messages, delivered, read, errors, overflows, authenticationFailures, presence, listener,
                groupEvents, groupMessageStatus, expired, changes);
    }

    public Listeners withGroupEvents(Consumer<GroupEvent> listener) {
        return new Listeners(messages, delivered, read, errors, overflows, authenticationFailures, presence, typing,
                listener, groupMessageStatus, expired, changes);
    }

    public Listeners withGroupMessageStatus(Consumer<GroupMessageStatus> listener) {
        return new Listeners(messages, delivered, read, errors, overflows, authenticationFailures, presence, typing,
                groupEvents, listener, expired, changes);
    }

    public Listeners withExpired(Consumer<ExpiredMessage> listener) {
        return new Listeners(messages, delivered, read, errors, overflows, authenticationFailures, presence, typing,
                groupEvents, groupMessageStatus, listener, changes);
    }

    public Listeners withChanges(Consumer<MessageChanged> listener) {
        return new Listeners(messages, delivered, read, errors, overflows, authenticationFailures, presence, typing,
                groupEvents, groupMessageStatus, expired, listener);
    }

    /**
     * Calls {@code listener}. A throwing listener must not stall the stream: the event still counts as handed
     * over and the failure goes where uncaught exceptions of this thread go.
     */
    public static <T> void deliver(Consumer<T> listener, T event) {
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            Thread thread = Thread.currentThread();
            thread.getUncaughtExceptionHandler().uncaughtException(thread, e);
        }
    }
}
