package io.mqchat.bench.scenarios;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BrokerThreadsTest {

    @Test
    void theThreadsOfTheGroupWorkerAndItsStoreAreToldApart() {
        assertTrue(BrokerThreads.groupWorker("svc-groups:# sv"));
        assertTrue(BrokerThreads.groupWorker("com.hivemq.clie"));
        assertFalse(BrokerThreads.groupWorker("hivemq-eventloo"));
        assertTrue(BrokerThreads.groupStore("mongo-server-wo"));
        assertFalse(BrokerThreads.groupStore("single-writer-#"));
    }
}
