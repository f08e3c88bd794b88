package io.mqchat.terminal.commands;

import io.mqchat.client.Conversation;
import io.mqchat.terminal.view.SafeText;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Typed lines that are not commands: texts to the open conversation. A send does not wait for the server, so the
 * user can type on while offline; {@code ✓ sent} follows when the server has it. The session waits for what is
 * still on its way before it ends, so {@code printf '/open bob\nhi\n' | mqchat chat alice} delivers.
 */
final class SendText {

    private final Set<CompletableFuture<?>> onTheirWay = ConcurrentHashMap.newKeySet();

    void send(String text, Session session) {
        Conversation conversation = session.openConversation();
        CompletableFuture<?> sending = session.client().send(conversation, text).whenComplete((sent, failure) -> {
            if (failure != null) {
                session.console().line("! not sent: " + SafeText.of(Answers.reason(failure)));
            } else {
                session.open().recent().sent(sent);
                session.console().line(session.lines().sent(sent));
            }
        });
        onTheirWay.add(sending);
        sending.whenComplete((done, failure) -> onTheirWay.remove(sending));
    }

    /** Waits up to {@code timeout} for the texts still on their way; answers how many did not make it. */
    int finish(Duration timeout) {
        CompletableFuture<?>[] pending = onTheirWay.toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(pending).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // a failed send has said so; the count below covers the rest
        }
        return (int) onTheirWay.stream().filter(sending -> !sending.isDone()).count();
    }
}
