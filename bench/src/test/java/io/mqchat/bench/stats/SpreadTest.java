package io.mqchat.bench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadTest {

    @Test
    void medianAndRangeOfAnOddCount() {
        Spread s = Spread.of(List.of(30.0, 10.0, 20.0));
        assertEquals(20.0, s.median());
        assertEquals(10.0, s.min());
        assertEquals(30.0, s.max());
        assertEquals(1.0, s.relativeRange(), 1e-9);
        assertEquals(List.of(30.0, 10.0, 20.0), s.rounds());
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertEquals(25.0, Spread.of(List.of(40.0, 10.0, 20.0, 30.0)).median());
    }

    @Test
    void ratioOfMedians() {
        assertEquals(0.5, Spread.of(List.of(1.0, 2.0, 3.0)).ratioTo(Spread.of(List.of(4.0, 4.0, 5.0))), 1e-9);
    }

    @Test
    void nonFiniteRoundsAreLeftOut() {
        Spread s = Spread.of(List.of(Double.NaN, 4.0, 6.0));
        assertEquals(5.0, s.median());
        assertTrue(Double.isNaN(Spread.of(List.of(Double.NaN)).median()));
    }
}
