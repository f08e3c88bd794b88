package io.mqchat.server.shutdown;

/** Tells a running server when to stop, and learns when it has. */
public interface StopSignal extends AutoCloseable {

    /** Blocks until the process is asked to stop. */
    void await() throws InterruptedException;

    /** The server has shut down: whoever asked may let the process end now. */
    @Override
    void close();
}
