package io.mqchat.extension.deployment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a stock broker whose mqchat extension could not start. HiveMQ would otherwise carry on without the
 * extension's authentication, permissions and routing; the fail-closed answer is no broker at all, with the
 * reason in its log, so that the operator (or the container's restart policy) notices at once.
 */
final class FailClosed {

    /** The broker process's exit status after a refused start. */
    static final int EXIT_STATUS = 1;

    private static final Logger log = LoggerFactory.getLogger(FailClosed.class);

    private FailClosed() {
    }

    static void stopBroker(String reason) {
        log.error("{}; stopping the broker, which must not run without the mqchat extension", reason);
        // Not on the calling thread: HiveMQ's shutdown hook stops the extension system, which waits for this
        // extension's start to return.
        Thread exit = new Thread(() -> System.exit(EXIT_STATUS), "mqchat-fail-closed");
        exit.start();
    }
}
