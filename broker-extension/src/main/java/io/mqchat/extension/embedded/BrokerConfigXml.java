package io.mqchat.extension.embedded;

import io.mqchat.extension.queue.QueueLimits;
import io.mqchat.extension.config.ExtensionConfig;

/**
 * Renders HiveMQ's config.xml from validated settings. Element names follow HiveMQ's config.xsd; HiveMQ
 * ignores misspelled elements without a word, so this is the only place that writes them.
 */
final class BrokerConfigXml {

    private BrokerConfigXml() {
    }

    /** Unacknowledged QoS 1 publishes one client may have in flight towards the broker. */
    static final int SERVER_RECEIVE_MAXIMUM = 1000;

    static String render(BrokerSettings broker, ExtensionConfig extension) {
        StringBuilder xml = new StringBuilder(2048);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<hivemq>\n  <listeners>\n");
        tcpListener(xml, broker, broker.mqttPort(), BrokerSettings.TCP_LISTENER);
        if (broker.websocketPort() != 0) {
            websocketListener(xml, broker, broker.websocketPort(), BrokerSettings.WEBSOCKET_LISTENER);
        }
        if (broker.balancedMqttPort() != 0) {
            tcpListener(xml, broker, broker.balancedMqttPort(), BrokerSettings.BALANCED_TCP_LISTENER);
        }
        if (broker.balancedWebsocketPort() != 0) {
            websocketListener(xml, broker, broker.balancedWebsocketPort(), BrokerSettings.BALANCED_WEBSOCKET_LISTENER);
        }
        xml.append("  </listeners>\n  <mqtt>\n");
        // discard-oldest keeps the newest messages and the overflow notice; history sync recovers the oldest. The
        // limit here also bounds the queues of the workers' lane sessions (their feeds), which must hold whatever
        // piles up while a worker is down; each device gets queue.limit from the authenticator instead.
        xml.append("    <queued-messages><max-queue-size>").append(Math.max(extension.queueLimit(), QueueLimits.WORKER))
                .append("</max-queue-size><strategy>discard-oldest</strategy></queued-messages>\n");
        xml.append("    <session-expiry><max-interval>").append(broker.sessionExpiryMax().toSeconds())
                .append("</max-interval></session-expiry>\n");
        xml.append("    <packets><max-packet-size>").append(broker.maxPacketBytes()).append("</max-packet-size></packets>\n");
        // HiveMQ lets a client have 10 QoS 1 publishes unacknowledged; a group-worker fanning one message out to 256
        // members publishes about 512, so it waited some 50 round trips per message (docs/BENCHMARKS-HISTORY.md, scenario 3).
        xml.append("    <receive-maximum><server-receive-maximum>").append(SERVER_RECEIVE_MAXIMUM)
                .append("</server-receive-maximum></receive-maximum>\n");
        xml.append("    <retained-messages><enabled>true</enabled></retained-messages>\n");
        xml.append("    <shared-subscriptions><enabled>true</enabled></shared-subscriptions>\n");
        xml.append("  </mqtt>\n");
        xml.append("  <persistence><mode>").append(broker.filePersistence() ? "file" : "in-memory").append("</mode></persistence>\n");
        xml.append("  <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>\n");
        xml.append("</hivemq>\n");
        return xml.toString();
    }

    private static void tcpListener(StringBuilder xml, BrokerSettings broker, int port, String name) {
        xml.append("    <tcp-listener><port>").append(port).append("</port><bind-address>")
                .append(escape(broker.bindAddress())).append("</bind-address><name>").append(name)
                .append("</name></tcp-listener>\n");
    }

    private static void websocketListener(StringBuilder xml, BrokerSettings broker, int port, String name) {
        xml.append("    <websocket-listener><port>").append(port).append("</port><bind-address>")
                .append(escape(broker.bindAddress())).append("</bind-address><path>")
                .append(escape(broker.websocketPath())).append("</path><name>").append(name).append("</name>")
                .append("<subprotocols><subprotocol>mqttv3.1</subprotocol><subprotocol>mqtt</subprotocol></subprotocols>")
                .append("<allow-extensions>true</allow-extensions></websocket-listener>\n");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
