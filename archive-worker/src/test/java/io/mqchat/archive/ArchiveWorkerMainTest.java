package io.mqchat.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ArchiveWorkerMainTest {

    @Test
    void withoutAMongoAddressAndATokenTheWorkerDoesNotStart() {
        assertEquals(2, ArchiveWorkerMain.run(new String[0], Map.of("MQCHAT_WORKER_INSTANCE", "1")));
    }

    @Test
    void anUnknownArgumentIsAUsageError() {
        assertEquals(2, ArchiveWorkerMain.run(new String[] {"--verbose"}, Map.of()));
    }
}
