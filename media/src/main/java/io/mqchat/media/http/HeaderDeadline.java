package io.mqchat.media.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection that keeps sending bytes without ever completing a request header (slowloris). Jetty holds no
 * thread for such a connection, but it holds a connection slot, and a byte every few seconds keeps the idle timeout
 * from firing. Every {@code period} each open connection is looked at: a connection that was already receiving a
 * header at the previous look and has completed none since is closed. So a header must be complete within one to
 * two periods of its first byte; a connection that sends nothing is left to the idle timeout.
 */
final class HeaderDeadline implements Connection.Listener {

    private static final Logger log = LoggerFactory.getLogger(HeaderDeadline.class);

    private final Scheduler scheduler;
    private final long periodMillis;

    HeaderDeadline(Scheduler scheduler, Duration period) {
        this.scheduler = scheduler;
        this.periodMillis = period.toMillis();
    }

    @Override
    public void onOpened(Connection connection) {
        schedule(new Watch(connection));
    }

    private void schedule(Watch watch) {
        scheduler.schedule(watch, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** What one connection had done at the previous look. */
    private final class Watch implements Runnable {

        private final Connection connection;
        private long requests;
        private long bytesAfterLastRequest;
        private boolean headerUnderway;

        Watch(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void run() {
            if (!connection.getEndPoint().isOpen()) {
                return;
            }
            // Jetty counts a request once its header is complete, a response once it is sent.
            long nowRequests = connection.getMessagesIn();
            long nowBytes = connection.getBytesIn();
            boolean betweenRequests = nowRequests == connection.getMessagesOut();
            if (!betweenRequests || nowRequests != requests) {
                requests = nowRequests;
                bytesAfterLastRequest = nowBytes;
                headerUnderway = false;
            } else if (headerUnderway) {
                log.debug("closing {}: no complete request header within {} ms",
                        connection.getEndPoint().getRemoteSocketAddress(), periodMillis);
                connection.getEndPoint().close();
                return;
            } else {
                headerUnderway = nowBytes > bytesAfterLastRequest;
            }
            schedule(this);
        }
    }
}
