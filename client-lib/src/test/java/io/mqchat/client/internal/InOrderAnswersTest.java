package io.mqchat.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class InOrderAnswersTest {

    private final InOrderAnswers answers = new InOrderAnswers();
    private final List<String> seen = new ArrayList<>();

    @Test
    void aLaterAnswerWaitsForTheEarlierOnes() {
        CompletableFuture<String> first = new CompletableFuture<>();
        CompletableFuture<String> second = new CompletableFuture<>();
        answers.publish(() -> first).thenAccept(seen::add);
        CompletableFuture<String> secondAnswer = answers.publish(() -> second);
        secondAnswer.thenAccept(seen::add);

        second.complete("second");
        assertFalse(secondAnswer.isDone(), "answered before the first publish was");

        first.complete("first");
        assertEquals(List.of("first", "second"), seen);
    }

    @Test
    void aFailureIsPassedOnInItsTurn() {
        CompletableFuture<String> first = new CompletableFuture<>();
        CompletableFuture<String> second = new CompletableFuture<>();
        answers.publish(() -> first).whenComplete((result, failure) -> seen.add("first " + failure.getMessage()));
        answers.publish(() -> second).thenAccept(seen::add);

        second.complete("second");
        first.completeExceptionally(new IllegalStateException("refused"));
        assertEquals(List.of("first refused", "second"), seen);
    }

    @Test
    void aPublishThatCouldNotStartHoldsNoLaterOneBack() {
        assertThrows(IllegalStateException.class, () -> answers.publish(() -> {
            throw new IllegalStateException("closed");
        }));
        CompletableFuture<String> answer = answers.publish(() -> CompletableFuture.completedFuture("next"));
        assertTrue(answer.isDone());
    }
}
