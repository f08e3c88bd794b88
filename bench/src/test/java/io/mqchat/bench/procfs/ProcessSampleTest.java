package io.mqchat.bench.procfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProcessSampleTest {

    @Test
    void cpuIsUtimePlusStimeAfterACommandNameWithSpaces() {
        String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194304 100 0 0 0 250 50 0 0 20 0 30 0 1000 0 0";
        assertEquals(300 * ProcessSample.NANOS_PER_TICK, ProcessSample.cpuNanosFromStat(stat));
    }

    @Test
    void rssInBytes() {
        assertEquals(2048L * 1024, ProcessSample.rssFromStatus("Name:\tjava\nVmRSS:\t    2048 kB\nThreads:\t3\n"));
    }

    @Test
    void readsThisProcess() {
        ProcessSample self = ProcessSample.of(ProcessHandle.current().pid());
        assertTrue(self.rssBytes() > 0);
    }

    @Test
    void machineBusyLeavesOutIdleAndIowait() {
        assertEquals((1 + 2 + 3 + 6 + 7 + 8) * ProcessSample.NANOS_PER_TICK,
                MachineSample.busyNanos("cpu  1 2 3 4 5 6 7 8 9 10"));
    }

    @Test
    void loadAverageIsTheFirstFieldOfProcLoadavg() {
        assertEquals(3.52, LoadAverage.parse("3.52 2.10 1.40 2/812 4242\n"));
    }
}
