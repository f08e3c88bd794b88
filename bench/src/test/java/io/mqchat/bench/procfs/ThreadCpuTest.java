package io.mqchat.bench.procfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {

    @Test
    void theNodesOfAClusterAddUpByThreadGroup() {
        ThreadCpu sum = ThreadCpu.sum(List.of(new ThreadCpu(Map.of("GC Thread#", 10L, "nioEventLoopGroup-#-#", 5L)),
                new ThreadCpu(Map.of("GC Thread#", 1L, "C# CompilerThread#", 2L))));
        assertEquals(Map.of("GC Thread#", 11L, "nioEventLoopGroup-#-#", 5L, "C# CompilerThread#", 2L),
                sum.nanosByGroup());
    }

    @Test
    void cpuTimesOfSeveralProcessesAreKeptApart() {
        long self = ProcessHandle.current().pid();
        CpuTimes before = CpuTimes.of(List.of(self, self));
        long spin = 0;
        for (int i = 0; i < 50_000_000; i++) {
            spin += i % 7;
        }
        CpuTimes after = CpuTimes.of(List.of(self, self));
        List<Long> since = after.nanosSince(before);
        assertEquals(2, since.size());
        assertTrue(since.get(0) >= 0 && spin > 0);
        assertEquals(2, after.percentSince(before, 1_000_000_000L).size());
    }
}
