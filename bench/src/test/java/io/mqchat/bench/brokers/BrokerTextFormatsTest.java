package io.mqchat.bench.brokers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BrokerTextFormatsTest {

    @Test
    void mosquittoListensOnLoopbackWithTheQueueLimit() {
        String conf = Mosquitto.config(1884, Path.of("run"), true, 10_000);
        assertTrue(conf.contains("listener 1884 127.0.0.1\n"));
        assertTrue(conf.contains("max_queued_messages 10000\n"));
        assertTrue(conf.contains("persistence true\n"));
    }

    @Test
    void heapStatsLineParses() {
        HeapStats s = HeapStats.parse("STATS heapUsed=10 heapCommitted=20 nettyDirect=30 nioDirect=40");
        assertEquals(new HeapStats(10, 20, 30, 40), s);
    }

    @Test
    void histogramDiffPerDevice() {
        ClassHistogram before = ClassHistogram.parse(" num     #instances         #bytes  class name (module)\n"
                + "   1:          10           1000  java.lang.String (java.base@17.0.15)\n");
        ClassHistogram after = ClassHistogram.parse("   1:          20           3000  java.lang.String (java.base@17.0.15)\n"
                + "   2:           5            500  com.example.Session\n"
                + "Total          25           3500\n");
        assertEquals(java.util.Map.of("java.lang.String", 20.0, "com.example.Session", 5.0), after.perDeviceSince(before, 100, 5));
    }
}
